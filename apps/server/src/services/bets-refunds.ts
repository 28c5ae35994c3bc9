import { and, appendLedger, bets, type Executor, eq, inArray, type SQL, sql } from "@booky/db";
import { type BetOutcome, type LedgerDraft, ledgerKey, refundsOnLeaving, scoreDelta } from "@booky/domain";

/** A bet's ledger entry for points going back to its bettor (a refund, or a payout when it won). */
export function returnEntry(
  bet: { id: string; userId: string; meetingId: string; stake: number },
  outcome: Pick<BetOutcome, "result" | "payout">,
): LedgerDraft {
  const kind = outcome.result === "won" ? "payout" : "refund";
  return {
    userId: bet.userId,
    kind,
    amount: outcome.payout,
    scoreDelta: scoreDelta({ kind, amount: outcome.payout, stake: bet.stake }),
    key: outcome.result === "won" ? ledgerKey.payout(bet.id) : ledgerKey.refund(bet.id),
    meetingId: bet.meetingId,
    betId: bet.id,
  };
}

/**
 * Refunds in full the open bets `which` selects (a horse leaving the race, a
 * club turning betting off), in the caller's transaction: exactly once, since
 * only open bets are taken, under a row lock, and the ledger's refund key is
 * unique. The caller holds the meetings' rows FOR SHARE, so a settlement
 * (FOR UPDATE) runs wholly before or after.
 */
export async function refundOpenBets(tx: Executor, which: SQL) {
  const open = await tx
    .select({
      id: bets.id,
      userId: bets.userId,
      meetingId: bets.meetingId,
      horseId: bets.horseId,
      stake: bets.stake,
      placedAt: bets.placedAt,
    })
    .from(bets)
    .where(and(eq(bets.status, "open"), which))
    .for("update");
  if (open.length === 0) return [];
  const { refunded } = refundsOnLeaving(open, new Set(open.map((bet) => bet.horseId)));
  const byId = new Map(open.map((bet) => [bet.id, bet]));
  const ids = refunded.outcomes.map((outcome) => outcome.betId);
  await tx
    .update(bets)
    .set({ status: "refunded", payout: sql`${bets.stake}`, settledAt: sql`now()` })
    .where(inArray(bets.id, ids));
  await appendLedger(
    tx,
    refunded.outcomes.flatMap((outcome) => {
      const bet = byId.get(outcome.betId);
      return bet ? [returnEntry(bet, outcome)] : [];
    }),
  );
  return open;
}
