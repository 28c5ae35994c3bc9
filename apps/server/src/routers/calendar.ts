import { createCalendarFeed, revokeCalendarFeeds } from "../services/calendar.js";
import { authedProcedure, router } from "../trpc.js";

export const calendarRouter = router({
  /** A new private feed URL; any earlier one stops working. Shown once: only its digest is stored. */
  createFeed: authedProcedure.mutation(({ ctx }) =>
    createCalendarFeed(ctx.db, ctx.user.id, ctx.deps.config.PUBLIC_URL),
  ),

  revokeFeed: authedProcedure.mutation(({ ctx }) => revokeCalendarFeeds(ctx.db, ctx.user.id)),
});
