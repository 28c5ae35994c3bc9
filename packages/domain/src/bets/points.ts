/**
 * Points: the currency of the reading race. Every amount here is a whole
 * number; every change of a balance is a ledger entry of one of these kinds.
 */
export const POINTS = {
  /** Given once to every new account. */
  startingGrant: 1000,
  /** Finishing the meeting's book on or before its reading deadline. */
  finishReward: 50,
  /** Being recorded as having attended the meeting. */
  attendanceReward: 20,
} as const;

export const LEDGER_KINDS = ["grant", "stake", "payout", "refund", "finish_reward", "attendance_reward"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * How much of a ledger entry counts towards the user's score: points earned,
 * never points given or returned. Rewards count whole; a payout counts only
 * its profit over the stake; grants, stakes and refunds count nothing, so a
 * cancelled bet or a refunded race neither raises nor lowers a score.
 */
export function scoreDelta(entry: { kind: LedgerKind; amount: number; stake?: number }): number {
  switch (entry.kind) {
    case "finish_reward":
    case "attendance_reward":
      return entry.amount;
    case "payout":
      return Math.max(0, entry.amount - (entry.stake ?? 0));
    default:
      return 0;
  }
}

/**
 * The key that makes an entry happen at most once, whatever retries or races
 * occur (a unique column in the ledger).
 */
export const ledgerKey = {
  grant: (userId: string) => `grant:${userId}`,
  stake: (betId: string) => `stake:${betId}`,
  payout: (betId: string) => `payout:${betId}`,
  refund: (betId: string) => `refund:${betId}`,
  finishReward: (meetingId: string, userId: string) => `finish:${meetingId}:${userId}`,
  attendanceReward: (meetingId: string, userId: string) => `attend:${meetingId}:${userId}`,
};

/** One ledger entry to append; the database adds it to the balance (and the score) in the same statement. */
export interface LedgerDraft {
  userId: string;
  kind: LedgerKind;
  amount: number;
  scoreDelta: number;
  key: string;
  meetingId?: string | null;
  betId?: string | null;
}

export function startingGrant(userId: string): LedgerDraft {
  return { userId, kind: "grant", amount: POINTS.startingGrant, scoreDelta: 0, key: ledgerKey.grant(userId) };
}

export function attendanceReward(meetingId: string, userId: string): LedgerDraft {
  return {
    userId,
    kind: "attendance_reward",
    amount: POINTS.attendanceReward,
    scoreDelta: POINTS.attendanceReward,
    key: ledgerKey.attendanceReward(meetingId, userId),
    meetingId,
  };
}

export function finishReward(meetingId: string, userId: string): LedgerDraft {
  return {
    userId,
    kind: "finish_reward",
    amount: POINTS.finishReward,
    scoreDelta: POINTS.finishReward,
    key: ledgerKey.finishReward(meetingId, userId),
    meetingId,
  };
}
