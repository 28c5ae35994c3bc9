import { and, bets, clubs, type Executor, eq, inArray, meetings, sql } from "@booky/db";
import { notFound } from "../errors.js";
import { refundOpenBets } from "./bets-refunds.js";

/**
 * Turns betting on or off for all of a club's meetings. Turning it off
 * refunds every open bet on them in the same transaction, exactly once (see
 * `refundOpenBets`): the club row is updated first, so a bet being placed
 * (holding it FOR SHARE) commits before and is refunded, or starts after and
 * is refused; the meetings are held FOR SHARE against their settlement.
 * Progress and rewards do not depend on it.
 */
export function setClubBetting(db: Executor, clubId: string, enabled: boolean) {
  return db.transaction(async (tx) => {
    const [club] = await tx
      .update(clubs)
      .set({ bettingEnabled: enabled, updatedAt: sql`now()` })
      .where(eq(clubs.id, clubId))
      .returning({ clubId: clubs.id, bettingEnabled: clubs.bettingEnabled });
    if (!club) throw notFound("No such club");
    if (enabled) return { ...club, refundedBets: 0 };
    const withOpenBets = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.clubId, clubId),
          sql`exists (select 1 from ${bets} where ${bets.meetingId} = ${meetings.id} and ${bets.status} = 'open')`,
        ),
      )
      .for("share");
    const ids = withOpenBets.map((row) => row.id);
    const refunded = ids.length === 0 ? [] : await refundOpenBets(tx, inArray(bets.meetingId, ids));
    return { ...club, refundedBets: refunded.length };
  });
}
