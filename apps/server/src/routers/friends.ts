import {
  and,
  books,
  clubMembers,
  clubs,
  eq,
  friendRequests,
  friendships,
  meetings,
  or,
  readingProgressHistory,
  sql,
  users,
} from "@booky/db";
import {
  friendPair,
  friendRequestIdInput,
  friendRequestInput,
  friendRequestsInput,
  friendsPageInput,
  friendUserInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { fieldError } from "../errors.js";
import { findMemberByUsername, publicProfileColumns } from "../services/accounts.js";
import { friendIdsOf } from "../services/friends.js";
import { definePager } from "../services/pagination.js";
import { authedProcedure, router } from "../trpc.js";

const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

const friendsPager = definePager({ list: "friends.list", order: "desc", key: "timestamp" });
const requestsPager = definePager({ list: "friends.requests", order: "desc", key: "timestamp" });
const activityPager = definePager({ list: "friends.activity", order: "desc", key: "none", id: "serial" });
const requestSort = { key: friendRequests.createdAt, id: friendRequests.id };
const activitySort = { id: readingProgressHistory.id };

export const friendsRouter = router({
  request: authedProcedure.input(friendRequestInput).mutation(async ({ ctx, input }) => {
    const target = await findMemberByUsername(ctx.db, input.username);
    if (!target) throw notFound(`No member is called @${input.username}`);
    if (target.id === ctx.user.id) throw fieldError("username", "You cannot send a friend request to yourself");
    const pair = friendPair(ctx.user.id, target.id);
    const [already] = await ctx.db
      .select({ userA: friendships.userA })
      .from(friendships)
      .where(and(eq(friendships.userA, pair.userA), eq(friendships.userB, pair.userB)));
    if (already) throw new TRPCError({ code: "CONFLICT", message: "You are already friends" });
    const [request] = await ctx.db
      .insert(friendRequests)
      .values({ fromUserId: ctx.user.id, toUserId: target.id })
      .returning({ id: friendRequests.id, status: friendRequests.status });
    return request;
  }),

  accept: authedProcedure.input(friendRequestIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const [request] = await tx
        .update(friendRequests)
        .set({ status: "accepted", decidedAt: sql`now()` })
        .where(
          and(
            eq(friendRequests.id, input.requestId),
            eq(friendRequests.toUserId, ctx.user.id),
            eq(friendRequests.status, "pending"),
          ),
        )
        .returning({ fromUserId: friendRequests.fromUserId });
      if (!request) throw notFound("No pending friend request with this id for you");
      await tx.insert(friendships).values(friendPair(ctx.user.id, request.fromUserId)).onConflictDoNothing();
      return { friendId: request.fromUserId };
    }),
  ),

  decline: authedProcedure.input(friendRequestIdInput).mutation(async ({ ctx, input }) => {
    const [request] = await ctx.db
      .update(friendRequests)
      .set({ status: "declined", decidedAt: sql`now()` })
      .where(
        and(
          eq(friendRequests.id, input.requestId),
          eq(friendRequests.toUserId, ctx.user.id),
          eq(friendRequests.status, "pending"),
        ),
      )
      .returning({ id: friendRequests.id });
    if (!request) throw notFound("No pending friend request with this id for you");
    return { ok: true as const };
  }),

  cancel: authedProcedure.input(friendRequestIdInput).mutation(async ({ ctx, input }) => {
    const [request] = await ctx.db
      .update(friendRequests)
      .set({ status: "cancelled", decidedAt: sql`now()` })
      .where(
        and(
          eq(friendRequests.id, input.requestId),
          eq(friendRequests.fromUserId, ctx.user.id),
          eq(friendRequests.status, "pending"),
        ),
      )
      .returning({ id: friendRequests.id });
    if (!request) throw notFound("No pending friend request with this id from you");
    return { ok: true as const };
  }),

  remove: authedProcedure.input(friendUserInput).mutation(async ({ ctx, input }) => {
    const pair = friendPair(ctx.user.id, input.userId);
    const removed = await ctx.db
      .delete(friendships)
      .where(and(eq(friendships.userA, pair.userA), eq(friendships.userB, pair.userB)))
      .returning({ userA: friendships.userA });
    if (removed.length === 0) throw notFound("You are not friends with this member");
    return { ok: true as const };
  }),

  /** The caller's friends, most recent friendships first. */
  list: authedProcedure.input(friendsPageInput).query(async ({ ctx, input }) => {
    const me = ctx.user.id;
    const sort = { key: friendships.createdAt, id: users.id };
    const rows = await ctx.db
      .select({
        since: friendships.createdAt,
        user: publicProfileColumns,
      })
      .from(friendships)
      .innerJoin(
        users,
        sql`${users.id} = case when ${friendships.userA} = ${me} then ${friendships.userB} else ${friendships.userA} end`,
      )
      .where(and(or(eq(friendships.userA, me), eq(friendships.userB, me)), friendsPager.after(input.cursor, sort)))
      .orderBy(...friendsPager.orderBy(sort))
      .limit(input.limit + 1);
    return friendsPager.page(rows, input.limit, (row) => ({ key: row.since, id: row.user.id }));
  }),

  /** Pending requests sent to the caller (incoming) or by them (outgoing), newest first. */
  requests: authedProcedure.input(friendRequestsInput).query(async ({ ctx, input }) => {
    const incoming = input.box === "incoming";
    const rows = await ctx.db
      .select({
        id: friendRequests.id,
        createdAt: friendRequests.createdAt,
        user: publicProfileColumns,
      })
      .from(friendRequests)
      .innerJoin(users, eq(users.id, incoming ? friendRequests.fromUserId : friendRequests.toUserId))
      .where(
        and(
          eq(incoming ? friendRequests.toUserId : friendRequests.fromUserId, ctx.user.id),
          eq(friendRequests.status, "pending"),
          requestsPager.after(input.cursor, requestSort),
        ),
      )
      .orderBy(...requestsPager.orderBy(requestSort))
      .limit(input.limit + 1);
    return requestsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
  }),

  /**
   * Friends' recent reading, newest first. Only meetings the caller may see
   * (public clubs, or private clubs they belong to) appear.
   */
  activity: authedProcedure.input(friendsPageInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
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
      .leftJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, ctx.user.id)))
      .where(
        and(
          sql`${readingProgressHistory.userId} in ${friendIdsOf(ctx.user.id)}`,
          or(eq(clubs.visibility, "public"), sql`${clubMembers.userId} is not null`),
          activityPager.after(input.cursor, activitySort),
        ),
      )
      .orderBy(...activityPager.orderBy(activitySort))
      .limit(input.limit + 1);
    return activityPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
  }),
});
