import { type SQL, type SQLWrapper, sql } from "@booky/db";
import { TRPCError } from "@trpc/server";

/** Keyset cursor: the sort key and id of the last row of a page, opaque to clients. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof key === "string" && typeof id === "string") return { key, id };
  } catch {
    // fall through to the typed error
  }
  throw new TRPCError({ code: "BAD_REQUEST", message: "This page cursor is invalid; start from the first page" });
}

/**
 * Fetch `limit + 1` rows, return `limit` and a cursor when there are more.
 * A `sortKey` column selected for the cursor is left out of the items.
 */
export function toPage<T extends object>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map((row) => {
    const { sortKey: _key, ...item } = row as T & { sortKey?: unknown };
    return item as Omit<T, "sortKey">;
  });
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * The keyset condition "rows after the cursor" for a list ordered by
 * (`key`, `id`) ascending or descending. `key` is a timestamp unless the list
 * sorts by a text or numeric key; ids are uuids. Undefined on the first page.
 */
export function afterCursor(
  cursor: Cursor | null,
  columns: { key: SQLWrapper; id: SQLWrapper },
  order: "asc" | "desc",
  keyType: "timestamptz" | "text" | "numeric" = "timestamptz",
): SQL | undefined {
  if (!cursor) return undefined;
  const comparison = sql.raw(order === "asc" ? ">" : "<");
  const key =
    keyType === "text"
      ? sql`${cursor.key}`
      : keyType === "numeric"
        ? sql`${cursor.key}::numeric`
        : sql`${cursor.key}::timestamptz`;
  return sql`(${columns.key}, ${columns.id}) ${comparison} (${key}, ${cursor.id}::uuid)`;
}
