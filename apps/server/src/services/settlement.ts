import {
  and,
  appendLedger,
  bets,
  type Executor,
  eq,
  meetingRsvps,
  meetingSettlements,
  meetings,
  readingProgress,
  sql,
} from "@booky/db";
import { finishReward, type LedgerDraft, monthKey, raceWinners, refundPool, settlePool } from "@booky/domain";
import { attendeesOf } from "./attendance.js";
import { returnEntry } from "./bets-refunds.js";
import { notify } from "./notifications.js";
import { raiseClubEvent } from "./webhooks.js";

export type SettlementResult =
  | { status: "settled"; kind: "paid" | "refunded"; pool: number; winners: string[]; entries: number }
  | { status: "already-settled" }
  | { status: "not-ended"; meetingStatus: string }
  | { status: "missing" };

/**
 * Settles one closed (pari-mutuel payout, finish rewards) or cancelled
 * (refunds) meeting, exactly once: everything happens in one transaction that
 * first locks the meeting row, so a second settler waits and then sees the
 * settled marker; the ledger's unique keys back this up. A crash halfway
 * commits nothing, and a retry starts over.
 */
export async function settleMeeting(db: Executor, meetingId: string): Promise<SettlementResult> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
    if (!meeting) return { status: "missing" };
    if (meeting.status !== "closed" && meeting.status !== "cancelled") {
      return { status: "not-ended", meetingStatus: meeting.status };
    }
    const [settled] = await tx
      .select({ meetingId: meetingSettlements.meetingId })
      .from(meetingSettlements)
      .where(eq(meetingSettlements.meetingId, meetingId));
    if (settled) return { status: "already-settled" };

    const pool = await tx
      .select({ id: bets.id, horseId: bets.horseId, stake: bets.stake, placedAt: bets.placedAt, userId: bets.userId })
      .from(bets)
      .where(and(eq(bets.meetingId, meetingId), eq(bets.status, "open")));
    const attendees =
      meeting.status === "closed"
        ? await tx
            .select({
              userId: meetingRsvps.userId,
              racing: meetingRsvps.racing,
              finishedAt: readingProgress.finishedAt,
            })
            .from(meetingRsvps)
            .leftJoin(
              readingProgress,
              and(
                eq(readingProgress.meetingId, meetingRsvps.meetingId),
                eq(readingProgress.userId, meetingRsvps.userId),
              ),
            )
            .where(attendeesOf(meetingId))
        : [];
    const finishers = attendees.filter((row) => row.finishedAt !== null && row.finishedAt <= meeting.readingDeadline);
    const winners = raceWinners(attendees, meeting.readingDeadline);
    const settlement = meeting.status === "closed" ? settlePool(pool, winners) : refundPool(pool);

    const betById = new Map(pool.map((bet) => [bet.id, bet]));
    const drafts: LedgerDraft[] = [];
    for (const outcome of settlement.outcomes) {
      const bet = betById.get(outcome.betId);
      if (bet && outcome.payout > 0) drafts.push(returnEntry({ ...bet, meetingId }, outcome));
    }
    for (const finisher of finishers) {
      drafts.push(finishReward(meetingId, finisher.userId));
    }
    const entries = await appendLedger(tx, drafts);

    if (settlement.outcomes.length > 0) {
      const rows = settlement.outcomes.map((outcome) => ({
        id: outcome.betId,
        status: outcome.result,
        payout: outcome.payout,
      }));
      await tx.execute(sql`
        update ${bets} set status = v.status, payout = v.payout, settled_at = now()
        from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, status bet_status, payout int)
        where ${bets.id} = v.id`);
    }
    await notify(
      tx,
      settlement.outcomes.flatMap((outcome) => {
        const bet = betById.get(outcome.betId);
        const data = { outcome: outcome.result, amount: outcome.payout, stake: bet?.stake ?? 0 };
        return bet
          ? [{ userId: bet.userId, kind: "bet_settled" as const, clubId: meeting.clubId, meetingId, data }]
          : [];
      }),
    );
    await tx.insert(meetingSettlements).values({
      meetingId,
      kind: settlement.kind,
      pool: settlement.pool,
      winnerIds: [...winners],
      finishers: finishers.length,
      attendees: attendees.length,
    });
    if (meeting.status === "closed" && attendees.length > 0) {
      const month = monthKey(new Date());
      await tx.execute(sql`
        insert into club_scores as c (period, club_id, finishers, attendees)
        values ('all', ${meeting.clubId}, ${finishers.length}, ${attendees.length}),
               (${month}, ${meeting.clubId}, ${finishers.length}, ${attendees.length})
        on conflict (period, club_id) do update
          set finishers = c.finishers + excluded.finishers, attendees = c.attendees + excluded.attendees`);
    }
    // Settlement runs once per meeting, so the closing event is raised once, with the race's winners.
    if (meeting.status === "closed") {
      await raiseClubEvent(tx, meeting.clubId, "meeting.closed", { meetingId, winnerIds: [...winners] });
    }
    return {
      status: "settled",
      kind: settlement.kind,
      pool: settlement.pool,
      winners: [...winners],
      entries: entries.length,
    };
  });
}
