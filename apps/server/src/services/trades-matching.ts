import {
  and,
  books,
  clubMembers,
  clubs,
  copies,
  type Executor,
  eq,
  ne,
  type SQL,
  shelfEntries,
  sql,
  tradeItems,
  users,
} from "@booky/db";
import { publicProfileColumns } from "./accounts.js";
import { bookSummaryColumns } from "./books/summary.js";
import { friendIdsOf } from "./friends.js";
import { definePager, pageRows } from "./pagination.js";
import { clubMateIdsOf, knownTo } from "./shelves-relations.js";

type Page = { cursor?: string | null | undefined; limit: number };

const forMePager = definePager({ list: "trades.matchesForMe", order: "asc", key: "text" });
const wantedPager = definePager({ list: "trades.myCopiesWanted", order: "desc", key: "timestamp" });

/**
 * Members "near" the user: friends, and members of any in-person club in a
 * place where the user has an in-person club (their own clubs included).
 */
const nearIdsOf = (userId: string): SQL => sql`(
  select mate.user_id from ${clubMembers} mine
  join ${clubs} here on here.id = mine.club_id and not here.is_online
  join ${clubs} there on not there.is_online and lower(there.location) = lower(here.location)
  join ${clubMembers} mate on mate.club_id = there.id and mate.user_id <> mine.user_id
  where mine.user_id = ${userId}
  union ${friendIdsOf(userId)})`;

const notReserved = sql`not exists (select 1 from ${tradeItems} where ${tradeItems.copyId} = ${copies.id} and ${tradeItems.reserved})`;

/**
 * Copies open to trade, of books on the user's want-to-read shelf, owned by
 * friends (first) and club-mates (next), the newest first within each: the
 * people the user may propose to. Copies in a live proposal are left out.
 */
export async function matchesForMe(db: Executor, userId: string, page: Page) {
  const friend = sql<boolean>`${copies.ownerId} in ${friendIdsOf(userId)}`;
  // Closeness, then newest first: a text key that sorts ascending (the inverted epoch keeps 13 digits).
  const sortKey = sql<string>`(case when ${friend} then '0' else '1' end)
    || lpad((9999999999999 - floor(extract(epoch from ${copies.createdAt}) * 1000))::bigint::text, 13, '0')`;
  const query = db
    .select({
      id: copies.id,
      condition: copies.condition,
      notes: copies.notes,
      createdAt: copies.createdAt,
      friend,
      clubMate: sql<boolean>`${copies.ownerId} in ${clubMateIdsOf(userId)}`,
      owner: publicProfileColumns,
      book: bookSummaryColumns,
      sortKey,
    })
    .from(copies)
    .innerJoin(
      shelfEntries,
      and(
        eq(shelfEntries.bookId, copies.bookId),
        eq(shelfEntries.userId, userId),
        eq(shelfEntries.status, "want_to_read"),
      ),
    )
    .innerJoin(users, eq(users.id, copies.ownerId))
    .innerJoin(books, eq(books.id, copies.bookId));
  const condition = and(
    eq(copies.availability, "open_to_trade"),
    ne(copies.ownerId, userId),
    knownTo(userId, copies.ownerId),
    notReserved,
  );
  const rows = await pageRows(query.$dynamic(), forMePager, { key: sortKey, id: copies.id }, page, condition);
  return forMePager.page(rows, page.limit, (row) => ({ key: row.sortKey, id: row.id }));
}

/**
 * "My copies someone near me wants": want-to-read entries of nearby members
 * (friends, members of in-person clubs where mine meet) for books the user
 * owns a copy of, with those copies; most recently wanted first.
 */
export async function myCopiesWanted(db: Executor, userId: string, page: Page) {
  const query = db
    .select({
      id: shelfEntries.id,
      wantedSince: shelfEntries.updatedAt,
      member: publicProfileColumns,
      book: bookSummaryColumns,
      copies: sql<{ id: string; condition: string; availability: string }[]>`(
        select json_agg(json_build_object('id', c.id, 'condition', c.condition, 'availability', c.availability) order by c.created_at)
        from ${copies} c where c.owner_id = ${userId} and c.book_id = ${shelfEntries.bookId})`,
    })
    .from(shelfEntries)
    .innerJoin(users, eq(users.id, shelfEntries.userId))
    .innerJoin(books, eq(books.id, shelfEntries.bookId));
  const condition = and(
    eq(shelfEntries.status, "want_to_read"),
    sql`${shelfEntries.userId} in ${nearIdsOf(userId)}`,
    sql`exists (select 1 from ${copies} c where c.owner_id = ${userId} and c.book_id = ${shelfEntries.bookId})`,
    sql`${users.deletedAt} is null`,
  );
  const sort = { key: shelfEntries.updatedAt, id: shelfEntries.id };
  const rows = await pageRows(query.$dynamic(), wantedPager, sort, page, condition);
  return wantedPager.page(rows, page.limit, (row) => ({ key: row.wantedSince, id: row.id }));
}
