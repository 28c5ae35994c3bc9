import {
  and,
  books,
  clubs,
  type Executor,
  eq,
  friendRequests,
  friendships,
  meetings,
  or,
  readingProgressHistory,
  sql,
  users,
} from "@booky/db";
import { friendPair } from "@booky/domain";
import { conflict, fieldError, notFound } from "../errors.js";
import { findMemberByUsername, publicProfileColumns } from "./accounts.js";
import { progressRevealedTo } from "./attendance.js";
import { notifyOne } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { friendRequestDecisions } from "./pending-kinds.js";
import { clubVisibleTo } from "./visibility.js";

type Page = { cursor?: string | null | undefined; limit: number };

const friendsPager = definePager({ list: "friends.list", order: "desc", key: "timestamp" });
const requestsPager = definePager({ list: "friends.requests", order: "desc", key: "timestamp" });
const activityPager = definePager({ list: "friends.activity", order: "desc", key: "none", id: "serial" });
const requestSort = { key: friendRequests.createdAt, id: friendRequests.id };
const activitySort = { id: readingProgressHistory.id };

/** Ids of the user's friends, as a subquery. */
export const friendIdsOf = (userId: string) =>
  sql`(select case when ${friendships.userA} = ${userId} then ${friendships.userB} else ${friendships.userA} end
       from ${friendships} where ${friendships.userA} = ${userId} or ${friendships.userB} = ${userId})`;

/** The stored friendship row of two members (smaller id first). */
const friendshipOf = (one: string, other: string) => {
  const pair = friendPair(one, other);
  return and(eq(friendships.userA, pair.userA), eq(friendships.userB, pair.userB));
};

export async function sendFriendRequest(db: Executor, fromUserId: string, username: string) {
  const target = await findMemberByUsername(db, username);
  if (!target) throw notFound(`No member is called @${username}`);
  if (target.id === fromUserId) throw fieldError("username", "You cannot send a friend request to yourself");
  const [already] = await db
    .select({ userA: friendships.userA })
    .from(friendships)
    .where(friendshipOf(fromUserId, target.id));
  if (already) throw conflict("You are already friends");
  return db.transaction(async (tx) => {
    const [request] = await tx
      .insert(friendRequests)
      .values({ fromUserId, toUserId: target.id })
      .returning({ id: friendRequests.id, status: friendRequests.status });
    await notifyOne(tx, target.id, "friend_request", { actorId: fromUserId });
    return request;
  });
}

const toYou = "No pending friend request with this id for you";

export function acceptFriendRequest(db: Executor, userId: string, requestId: string) {
  return db.transaction(async (tx) => {
    const request = await friendRequestDecisions.decide(tx, {
      id: requestId,
      decision: "accepted",
      actor: { userId },
      missing: toYou,
    });
    await tx.insert(friendships).values(friendPair(userId, request.fromUserId)).onConflictDoNothing();
    await notifyOne(tx, request.fromUserId, "friend_accepted", { actorId: userId });
    return { friendId: request.fromUserId };
  });
}

export function declineFriendRequest(db: Executor, userId: string, requestId: string) {
  return friendRequestDecisions.settle(db, { id: requestId, decision: "declined", actor: { userId }, missing: toYou });
}

export function cancelFriendRequest(db: Executor, userId: string, requestId: string) {
  const missing = "No pending friend request with this id from you";
  return friendRequestDecisions.settle(db, { id: requestId, decision: "cancelled", actor: { userId }, missing });
}

export async function unfriend(db: Executor, userId: string, friendId: string) {
  const removed = await db
    .delete(friendships)
    .where(friendshipOf(userId, friendId))
    .returning({ userA: friendships.userA });
  if (removed.length === 0) throw notFound("You are not friends with this member");
  return { ok: true as const };
}

/** The user's friends, most recent friendships first. */
export async function listFriends(db: Executor, me: string, page: Page) {
  const sort = { key: friendships.createdAt, id: users.id };
  const rows = await pageRows(
    db
      .select({ since: friendships.createdAt, user: publicProfileColumns })
      .from(friendships)
      .innerJoin(
        users,
        sql`${users.id} = case when ${friendships.userA} = ${me} then ${friendships.userB} else ${friendships.userA} end`,
      )
      .$dynamic(),
    friendsPager,
    sort,
    page,
    and(or(eq(friendships.userA, me), eq(friendships.userB, me))),
  );
  return friendsPager.page(rows, page.limit, (row) => ({ key: row.since, id: row.user.id }));
}

/** Pending requests sent to the user (incoming) or by them (outgoing), newest first. */
export async function listFriendRequests(db: Executor, userId: string, input: Page & { box: "incoming" | "outgoing" }) {
  const incoming = input.box === "incoming";
  const rows = await pageRows(
    db
      .select({ id: friendRequests.id, createdAt: friendRequests.createdAt, user: publicProfileColumns })
      .from(friendRequests)
      .innerJoin(users, eq(users.id, incoming ? friendRequests.fromUserId : friendRequests.toUserId))
      .$dynamic(),
    requestsPager,
    requestSort,
    input,
    and(
      eq(incoming ? friendRequests.toUserId : friendRequests.fromUserId, userId),
      eq(friendRequests.status, "pending"),
    ),
  );
  return requestsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/**
 * Friends' recent reading, newest first. Only meetings the user may see
 * (public clubs, or private clubs they belong to) appear.
 */
export async function friendsActivity(db: Executor, userId: string, page: Page) {
  const rows = await pageRows(
    db
      .select({
        id: readingProgressHistory.id,
        page: readingProgressHistory.page,
        recordedAt: readingProgressHistory.recordedAt,
        finished: sql<boolean>`${readingProgressHistory.page} = ${meetings.bookPageCount}`,
        meeting: {
          id: meetings.id,
          bookId: meetings.bookId,
          bookTitle: books.title,
          bookPageCount: meetings.bookPageCount,
        },
        club: { id: clubs.id, name: clubs.name, slug: clubs.slug },
        user: publicProfileColumns,
      })
      .from(readingProgressHistory)
      .innerJoin(meetings, eq(meetings.id, readingProgressHistory.meetingId))
      .innerJoin(books, eq(books.id, meetings.bookId))
      .innerJoin(clubs, eq(clubs.id, meetings.clubId))
      .innerJoin(users, eq(users.id, readingProgressHistory.userId))
      .$dynamic(),
    activityPager,
    activitySort,
    page,
    and(
      sql`${readingProgressHistory.userId} in ${friendIdsOf(userId)}`,
      clubVisibleTo(userId),
      // A friend reading without racing keeps their pages to themselves.
      progressRevealedTo(userId, readingProgressHistory.meetingId, readingProgressHistory.userId),
    ),
  );
  return activityPager.page(rows, page.limit, (row) => ({ key: null, id: String(row.id) }));
}
