import {
  friendRequestIdInput,
  friendRequestInput,
  friendRequestsInput,
  friendsPageInput,
  friendUserInput,
} from "@booky/domain";
import {
  acceptFriendRequest,
  cancelFriendRequest,
  declineFriendRequest,
  friendsActivity,
  listFriendRequests,
  listFriends,
  sendFriendRequest,
  unfriend,
} from "../services/friends.js";
import { authedProcedure, router } from "../trpc.js";

export const friendsRouter = router({
  request: authedProcedure
    .input(friendRequestInput)
    .mutation(({ ctx, input }) => sendFriendRequest(ctx.db, ctx.user.id, input.username)),

  accept: authedProcedure
    .input(friendRequestIdInput)
    .mutation(({ ctx, input }) => acceptFriendRequest(ctx.db, ctx.user.id, input.requestId)),

  decline: authedProcedure
    .input(friendRequestIdInput)
    .mutation(({ ctx, input }) => declineFriendRequest(ctx.db, ctx.user.id, input.requestId)),

  cancel: authedProcedure
    .input(friendRequestIdInput)
    .mutation(({ ctx, input }) => cancelFriendRequest(ctx.db, ctx.user.id, input.requestId)),

  remove: authedProcedure
    .input(friendUserInput)
    .mutation(({ ctx, input }) => unfriend(ctx.db, ctx.user.id, input.userId)),

  /** The caller's friends, most recent friendships first. */
  list: authedProcedure.input(friendsPageInput).query(({ ctx, input }) => listFriends(ctx.db, ctx.user.id, input)),

  /** Pending requests sent to the caller (incoming) or by them (outgoing), newest first. */
  requests: authedProcedure
    .input(friendRequestsInput)
    .query(({ ctx, input }) => listFriendRequests(ctx.db, ctx.user.id, input)),

  /**
   * Friends' recent reading, newest first. Only meetings the caller may see
   * (public clubs, or private clubs they belong to) appear.
   */
  activity: authedProcedure
    .input(friendsPageInput)
    .query(({ ctx, input }) => friendsActivity(ctx.db, ctx.user.id, input)),
});
