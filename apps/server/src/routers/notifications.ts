import { listNotificationsInput, liveNotificationsInput, markReadInput, setPreferenceInput } from "@booky/domain";
import { tracked } from "@trpc/server";
import {
  listNotifications,
  markNotificationsRead,
  notificationPreferencesOf,
  setNotificationPreference,
  unreadCount,
} from "../services/notifications.js";
import { liveNotifications } from "../services/notifications-live.js";
import { issueStreamTicket } from "../services/stream-tickets.js";
import { authedProcedure, router, sessionProcedure, streamProcedure } from "../trpc.js";

export const notificationsRouter = router({
  /** The caller's notifications, newest first. */
  list: authedProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),

  /** Marks some (`ids`) or `all` of the caller's notifications read; answers the unread count left. */
  markRead: authedProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.user.id, input)),

  preferences: authedProcedure.query(({ ctx }) => notificationPreferencesOf(ctx.db, ctx.user.id)),

  setPreference: authedProcedure
    .input(setPreferenceInput)
    .mutation(({ ctx, input }) => setNotificationPreference(ctx.db, ctx.user.id, input.kind, input.delivery)),

  /** A single-use ticket, good for a minute, that opens one `live` stream (see docs/notifications.md). */
  streamTicket: sessionProcedure.mutation(({ ctx }) => issueStreamTicket(ctx.db, ctx.user.id, ctx.sessionId)),

  /**
   * New notifications as they are committed, on any server (SSE). Each event's
   * id is the notification's `seq`; a reconnecting client sends the last one
   * as `lastEventId` and gets everything after it, once.
   */
  live: streamProcedure.input(liveNotificationsInput).subscription(async function* ({ ctx, input, signal }) {
    const lastSeq = input.lastEventId ? Number(input.lastEventId) : null;
    const stream = liveNotifications(
      ctx.db,
      ctx.deps.notificationHub,
      { userId: ctx.user.id, sessionId: ctx.sessionId },
      lastSeq,
      signal ?? new AbortController().signal,
    );
    for await (const notification of stream) yield tracked(String(notification.seq), notification);
  }),
});
