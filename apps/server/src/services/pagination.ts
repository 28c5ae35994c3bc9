import { and, type Executor, type PgSelect, preparedQuery, type SQL, type SQLWrapper, sql } from "@booky/db";
import { fieldError } from "../errors.js";

/**
 * The one keyset pager. Every list orders its rows by (key, id) or by id
 * alone, fetches `limit + 1` rows and hands back an opaque cursor naming the
 * last row shown. A cursor carries the list it came from and is decoded
 * strictly, so one that was tampered with, or taken from another list, is a
 * BAD_REQUEST on `cursor` and never reaches PostgreSQL.
 */

/** How the sort key travels: a timestamp, a text, a decimal (as a string), a whole number, or no key (id only). */
export type KeyKind = "timestamp" | "text" | "numeric" | "int" | "none";
/** Row ids are uuids, bigserials for append-only tables, or a position in a remote result list. */
export type IdKind = "uuid" | "serial" | "offset";

type KeyValue<K extends KeyKind> = K extends "timestamp"
  ? Date
  : K extends "int"
    ? number
    : K extends "none"
      ? null
      : string;

export interface PagerSpec<K extends KeyKind> {
  /** Names the list, e.g. "bets.mine": a cursor is only good for the list that made it. */
  list: string;
  order: "asc" | "desc";
  key: K;
  id?: IdKind;
}

export interface Position<K extends KeyKind> {
  key: KeyValue<K>;
  id: string;
}

/** The sort columns of a query: `key` is left out for id-only lists. */
export interface SortColumns {
  key?: SQLWrapper;
  id: SQLWrapper;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERIAL = /^[1-9][0-9]{0,17}$/;
const OFFSET = /^(0|[1-9][0-9]{0,8})$/;
const DECIMAL = /^-?[0-9]{1,12}(\.[0-9]{1,12})?$/;
const MAX_TEXT_KEY = 200;

export const invalidCursor = () => fieldError("cursor", "This page cursor is invalid; start from the first page");

function decodeKey<K extends KeyKind>(kind: K, raw: unknown): KeyValue<K> {
  const fail = () => {
    throw invalidCursor();
  };
  switch (kind) {
    case "none":
      if (raw !== null) fail();
      return null as KeyValue<K>;
    case "int":
      if (typeof raw !== "number" || !Number.isSafeInteger(raw)) fail();
      return raw as KeyValue<K>;
    case "timestamp": {
      const at = typeof raw === "string" ? new Date(raw) : null;
      // PostgreSQL stores years 4713 BC to 294276 AD; a cursor only ever holds times Booky wrote.
      if (!at || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1900 || at.getUTCFullYear() > 9999) fail();
      return at as KeyValue<K>;
    }
    case "numeric":
      if (typeof raw !== "string" || !DECIMAL.test(raw)) fail();
      return raw as KeyValue<K>;
    default:
      if (typeof raw !== "string" || raw.length > MAX_TEXT_KEY || raw.includes("\u0000")) fail();
      return raw as KeyValue<K>;
  }
}

function encodeKey(key: Date | string | number | null): string | number | null {
  return key instanceof Date ? key.toISOString() : key;
}

function parseCursor(cursor: string): [string, unknown, unknown] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== "string") throw invalidCursor();
  return parsed as [string, unknown, unknown];
}

/** Which list a cursor belongs to, for a list paged in phases by more than one pager; null on the first page. */
export function listOfCursor(cursor: string | null | undefined): string | null {
  return cursor ? parseCursor(cursor)[0] : null;
}

export interface Pager<K extends KeyKind> {
  readonly list: string;
  /** The position a cursor names, or null for the first page; BAD_REQUEST on `cursor` when it is not this list's. */
  decode(cursor: string | null | undefined): Position<K> | null;
  encode(position: Position<K>): string;
  /** "Rows after the cursor" for the query's sort columns; undefined on the first page. */
  after(cursor: string | null | undefined, columns: SortColumns): SQL | undefined;
  /** `after` with the cursor's key and id as the placeholders `afterKey` and `afterId`, for a prepared page. */
  afterPlaceholders(columns: SortColumns): SQL;
  /** The ORDER BY that matches `after`. */
  orderBy(columns: SortColumns): SQL[];
  /** `limit` rows and the cursor of the next page when there is one; a selected `sortKey` is left out of the items. */
  page<T extends object>(rows: T[], limit: number, positionOf: (row: T) => Position<K>): Page<Omit<T, "sortKey">>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function definePager<K extends KeyKind>(spec: PagerSpec<K>): Pager<K> {
  const idPattern = spec.id === "serial" ? SERIAL : spec.id === "offset" ? OFFSET : UUID;
  // A cursor's key and id as sent: values, or the placeholders of a prepared page.
  const idSql = (id: unknown) => (spec.id === "serial" ? sql`${id}::bigint` : sql`${id}::uuid`);
  const keySql = (key: unknown) => {
    if (spec.key === "timestamp") return sql`${key}::timestamptz`;
    if (spec.key === "numeric") return sql`${key}::numeric`;
    return sql`${key}`;
  };
  const comparing = (columns: SortColumns, key: unknown, id: unknown) => {
    const comparison = sql.raw(spec.order === "asc" ? ">" : "<");
    if (spec.key === "none" || !columns.key) return sql`${columns.id} ${comparison} ${idSql(id)}`;
    return sql`(${columns.key}, ${columns.id}) ${comparison} (${keySql(key)}, ${idSql(id)})`;
  };
  const direction = sql.raw(spec.order);

  const pager: Pager<K> = {
    list: spec.list,

    decode(cursor) {
      if (!cursor) return null;
      const parsed = parseCursor(cursor);
      if (parsed[0] !== spec.list) throw invalidCursor();
      const [, key, id] = parsed;
      if (typeof id !== "string" || !idPattern.test(id)) throw invalidCursor();
      return { key: decodeKey(spec.key, key), id };
    },

    encode(position) {
      const json = JSON.stringify([spec.list, encodeKey(position.key), position.id]);
      return Buffer.from(json).toString("base64url");
    },

    after(cursor, columns) {
      const position = pager.decode(cursor);
      return position ? comparing(columns, encodeKey(position.key), position.id) : undefined;
    },

    afterPlaceholders(columns) {
      return comparing(columns, sql.placeholder("afterKey"), sql.placeholder("afterId"));
    },

    orderBy(columns) {
      const keys = spec.key === "none" || !columns.key ? [columns.id] : [columns.key, columns.id];
      return keys.map((column) => sql`${column} ${direction}`);
    },

    page(rows, limit, positionOf) {
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      const items = shown.map((row) => {
        const { sortKey: _key, ...item } = row as typeof row & { sortKey?: unknown };
        return item as Omit<typeof row, "sortKey">;
      });
      return { items, nextCursor: rows.length > limit && last ? pager.encode(positionOf(last)) : null };
    },
  };
  return pager;
}

/**
 * Finishes a list's select (made `.$dynamic()`, as Drizzle's dynamic query
 * building asks) with the pager: its own condition and "after the cursor",
 * the matching order, and `limit + 1` rows (the extra one says whether there
 * is a next page). Hand the rows to `pager.page`.
 */
export function pageRows<T extends PgSelect, K extends KeyKind>(
  query: T,
  pager: Pager<K>,
  sort: SortColumns,
  page: { cursor?: string | null; limit: number },
  condition: SQL | undefined,
) {
  return query
    .where(and(condition, pager.after(page.cursor, sort)))
    .orderBy(...pager.orderBy(sort))
    .limit(page.limit + 1);
}

/**
 * A list read on every poll, as prepared queries (see `preparedQuery` in @booky/db): one for the first page and
 * one for the pages after a cursor, whose key and id go as parameters, so Drizzle builds neither again per call.
 * `build` is the list's select (made `.$dynamic()`) and `condition` its own rows, both with placeholders for
 * the values given on each call; the rows are what `pageRows` gives (`limit + 1` of them), for `pager.page`.
 */
export function preparedPage<T extends PgSelect, K extends KeyKind>(
  name: string,
  pager: Pager<K>,
  sort: SortColumns,
  build: (db: Executor) => T,
  condition: SQL | undefined,
) {
  const finish = (query: T, after: SQL | undefined) =>
    query
      .where(and(condition, after))
      .orderBy(...pager.orderBy(sort))
      .limit(sql.placeholder("limit"));
  const first = preparedQuery(`${name}_first`, (db) => finish(build(db), undefined));
  const next = preparedQuery(`${name}_next`, (db) => finish(build(db), pager.afterPlaceholders(sort)));
  return (db: Executor, values: Record<string, unknown>, page: { cursor?: string | null; limit: number }) => {
    const position = pager.decode(page.cursor);
    const limit = page.limit + 1;
    const rows = position
      ? next(db, { ...values, limit, afterKey: encodeKey(position.key), afterId: position.id })
      : first(db, { ...values, limit });
    return rows as Promise<T["_"]["result"]>;
  };
}
