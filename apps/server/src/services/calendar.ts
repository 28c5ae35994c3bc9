import { and, calendarFeeds, type Database, type Executor, eq, isNull, sql } from "@booky/db";
import { newOpaqueToken } from "./tokens.js";

const activeFeedsOf = (userId: string) => and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt));

/** A new private feed URL; any earlier one stops working. Shown once: only its digest is stored. */
export function createCalendarFeed(db: Database, userId: string, publicUrl: string) {
  return db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: sql`now()` }).where(activeFeedsOf(userId));
    const { token, hash } = newOpaqueToken();
    await tx.insert(calendarFeeds).values({ userId, tokenHash: hash });
    return { url: new URL(`/calendar/${token}.ics`, publicUrl).toString() };
  });
}

export async function revokeCalendarFeeds(db: Executor, userId: string) {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: sql`now()` })
    .where(activeFeedsOf(userId))
    .returning({ id: calendarFeeds.id });
  return { revoked: revoked.length };
}
