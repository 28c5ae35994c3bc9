import {
  and,
  books,
  type Executor,
  eq,
  friendRequests,
  inArray,
  or,
  ratings,
  shelfEntries,
  sql,
  users,
} from "@booky/db";
import {
  LIKED_HALVES,
  likedBooks,
  MIN_SHARED_BOOKS,
  readersLike,
  type recommendationsInput,
  tasteSignals,
} from "@booky/domain";
import type { z } from "zod";
import { friendIdsOf } from "./friends.js";
import { definePager } from "./pagination.js";
import { byPosition, tasteOf, windowOf } from "./recommendations.js";
import { statusShelvesVisibleTo } from "./visibility.js";

/** Members compared in full with the caller: those who share the most liked books with them. */
const CANDIDATES = 200;
/** How far down the ranked list "readers like you" pages. */
const RANKED_MAX = 100;
/** Shared books named per reader. */
const SHARED_SHOWN = 3;

const pager = definePager({ list: "recommendations.readersLikeMe", order: "asc", key: "none", id: "offset" });

/**
 * Members who liked at least MIN_SHARED_BOOKS of the books the caller
 * liked, and whose status shelves the caller may see, most shared first.
 * A prefilter (a 3.5-star rating, or a book shelved as read); `readersLike`
 * decides with the whole signal. Reads `ratings` and `shelf_entries` by
 * their book indexes.
 */
async function candidatesFor(db: Executor, userId: string, liked: string[]): Promise<string[]> {
  if (liked.length < MIN_SHARED_BOOKS) return [];
  const likedList = sql.join(
    liked.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await db.execute<{ user_id: string }>(sql`
    select liked.user_id from (
      select ${ratings.userId} as user_id, ${ratings.bookId} as book_id from ${ratings}
        where ${ratings.bookId} in (${likedList}) and ${ratings.halves} >= ${LIKED_HALVES}
      union
      select ${shelfEntries.userId}, ${shelfEntries.bookId} from ${shelfEntries}
        where ${shelfEntries.bookId} in (${likedList}) and ${shelfEntries.status} = 'read'
    ) liked
    join ${users} on ${users.id} = liked.user_id and ${users.deletedAt} is null
    where liked.user_id <> ${userId} and ${statusShelvesVisibleTo(userId, sql`liked.user_id`)}
    group by liked.user_id
    having count(*) >= ${MIN_SHARED_BOOKS}
    order by count(*) desc, liked.user_id
    limit ${CANDIDATES}`);
  return rows.map((row) => row.user_id);
}

/** Who of `ids` is the caller's friend, and to whom a friend request between them is pending. */
async function relationsOf(db: Executor, userId: string, ids: string[]) {
  if (ids.length === 0) return { friends: new Set<string>(), pending: new Set<string>() };
  const friendRows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), sql`${users.id} in ${friendIdsOf(userId)}`));
  const pendingRows = await db
    .select({ from: friendRequests.fromUserId, to: friendRequests.toUserId })
    .from(friendRequests)
    .where(
      and(
        eq(friendRequests.status, "pending"),
        or(
          and(eq(friendRequests.fromUserId, userId), inArray(friendRequests.toUserId, ids)),
          and(eq(friendRequests.toUserId, userId), inArray(friendRequests.fromUserId, ids)),
        ),
      ),
    );
  return {
    friends: new Set(friendRows.map((row) => row.id)),
    pending: new Set(pendingRows.map((row) => (row.from === userId ? row.to : row.from))),
  };
}

/**
 * "Readers like you": members whose taste (ratings and shelves) is closest
 * to the caller's by cosine, who liked at least two of the same books, shown
 * only when their status-shelf setting lets the caller see what they read
 * (public, or friends for a friend). Each names the books both liked and
 * whether they are friends already or a request is pending, for "add friend".
 */
export async function readersLikeMe(db: Executor, userId: string, input: z.output<typeof recommendationsInput>) {
  const { seeds } = await tasteOf(db, userId);
  const liked = likedBooks(seeds);
  const candidates = await candidatesFor(db, userId, liked);
  const theirs = candidates.length
    ? tasteSignals(
        await db
          .select({ userId: ratings.userId, bookId: ratings.bookId, halves: ratings.halves })
          .from(ratings)
          .where(inArray(ratings.userId, candidates)),
        await db
          .select({ userId: shelfEntries.userId, bookId: shelfEntries.bookId, status: shelfEntries.status })
          .from(shelfEntries)
          .where(inArray(shelfEntries.userId, candidates)),
      )
    : [];
  const ranked = readersLike(userId, seeds, theirs, RANKED_MAX);
  const { offset, window } = windowOf(pager, ranked, input);
  const memberIds = window.map((match) => match.userId);
  const bookIds = [...new Set(window.flatMap((match) => match.shared.slice(0, SHARED_SHOWN)))];
  const members = memberIds.length
    ? await db
        .select({ id: users.id, username: users.username, displayName: users.displayName, avatarUrl: users.avatarUrl })
        .from(users)
        .where(inArray(users.id, memberIds))
    : [];
  const titles = bookIds.length
    ? await db.select({ id: books.id, title: books.title }).from(books).where(inArray(books.id, bookIds))
    : [];
  const memberOf = new Map(members.map((member) => [member.id, member]));
  const bookOf = new Map(titles.map((book) => [book.id, book]));
  const { friends, pending } = await relationsOf(db, userId, memberIds);
  const items = window.flatMap((match, index) => {
    const member = memberOf.get(match.userId);
    if (!member) return [];
    return [
      {
        position: offset + index,
        member,
        /** How alike, in percent (the cosine of the two tastes). */
        similarity: Math.round(match.score * 100),
        sharedCount: match.shared.length,
        sharedBooks: match.shared.slice(0, SHARED_SHOWN).flatMap((id) => bookOf.get(id) ?? []),
        friend: friends.has(member.id),
        requestPending: pending.has(member.id),
      },
    ];
  });
  return pager.page(items, input.limit, byPosition);
}
