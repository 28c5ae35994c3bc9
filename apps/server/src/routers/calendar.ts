import { and, calendarFeeds, eq, isNull, sql } from "@booky/db";
import { newOpaqueToken } from "../services/tokens.js";
import { authedProcedure, router } from "../trpc.js";

const revokeActive = (userId: string) => and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt));

export const calendarRouter = router({
  /** A new private feed URL; any earlier one stops working. Shown once: only its digest is stored. */
  createFeed: authedProcedure.mutation(({ ctx }) =>
    ctx.db.transaction(async (tx) => {
      await tx.update(calendarFeeds).set({ revokedAt: sql`now()` }).where(revokeActive(ctx.user.id));
      const { token, hash } = newOpaqueToken();
      await tx.insert(calendarFeeds).values({ userId: ctx.user.id, tokenHash: hash });
      return { url: new URL(`/calendar/${token}.ics`, ctx.config.PUBLIC_URL).toString() };
    }),
  ),

  revokeFeed: authedProcedure.mutation(async ({ ctx }) => {
    const revoked = await ctx.db
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(revokeActive(ctx.user.id))
      .returning({ id: calendarFeeds.id });
    return { revoked: revoked.length };
  }),
});
