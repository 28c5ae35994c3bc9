import { clubMembers, clubs } from "@booky/db";
import type { TestServer } from "./harness.js";

/** One page of any paged list (the shared pager's shape). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a list from the first, following `nextCursor`; fails if the
 * list has not ended after `maxPages` pages.
 */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, maxPages = 10) {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    if (pages.length === maxPages) {
      throw new Error(`the list did not end after ${maxPages} pages: ${JSON.stringify(pages.flat())}`);
    }
    const page: Page<T> = await fetchPage(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

/**
 * `count` private clubs owned by `ownerId` (slugs `${tag}-${i}`), inserted
 * directly in one statement, with the owner's membership rows; their ids.
 */
export async function insertOwnedClubs(server: Pick<TestServer, "db">, tag: string, ownerId: string, count: number) {
  return server.db.transaction(async (tx) => {
    const created = await tx
      .insert(clubs)
      .values(
        Array.from({ length: count }, (_, i) => ({
          slug: `${tag}-${i}`,
          name: `${tag} ${i}`,
          category: "other" as const,
          isOnline: true,
          visibility: "private" as const,
          ownerId,
          memberCount: 1,
        })),
      )
      .returning({ id: clubs.id });
    await tx
      .insert(clubMembers)
      .values(created.map((club) => ({ clubId: club.id, userId: ownerId, role: "owner" as const })));
    return created.map((club) => club.id);
  });
}

/**
 * Statement counts per list procedure, for 1 item and for 50: `measure` runs
 * both calls; `counts` holds [one, fifty] by name.
 */
export function statementCounts(server: Pick<TestServer, "statementsDuring">) {
  const counts: Record<string, [number, number]> = {};
  const measure = async (name: string, one: () => Promise<unknown>, fifty: () => Promise<unknown>) => {
    counts[name] = [await server.statementsDuring(one), await server.statementsDuring(fifty)];
  };
  return { counts, measure };
}
