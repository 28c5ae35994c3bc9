/** One bet as settlement sees it. */
export interface PoolBet {
  id: string;
  horseId: string;
  stake: number;
  placedAt: Date;
}

export type BetOutcome =
  | { betId: string; result: "won"; payout: number }
  | { betId: string; result: "lost"; payout: 0 }
  | { betId: string; result: "refunded"; payout: number };

export interface Settlement {
  pool: number;
  /** Why the pool went where it went. */
  kind: "paid" | "refunded";
  outcomes: BetOutcome[];
}

/** Largest stake first, then earliest bet, then id: who gets the points rounding leaves over. */
function remainderOrder(a: PoolBet, b: PoolBet): number {
  return b.stake - a.stake || a.placedAt.getTime() - b.placedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Pari-mutuel settlement in whole points. The whole pool goes to the bets on
 * the winners, each in proportion to its stake rounded down; the points that
 * rounding leaves (fewer than the number of winning bets) go one each to the
 * winning bets in `remainderOrder`. When nobody won, or nobody bet on a
 * winner, every stake is refunded. The result does not depend on input order.
 */
export function settlePool(bets: readonly PoolBet[], winners: ReadonlySet<string>): Settlement {
  const ordered = [...bets].sort(remainderOrder);
  const pool = ordered.reduce((sum, bet) => sum + bet.stake, 0);
  const winning = ordered.filter((bet) => winners.has(bet.horseId));
  const winningStake = winning.reduce((sum, bet) => sum + bet.stake, 0);

  if (winningStake === 0) {
    return {
      pool,
      kind: "refunded",
      outcomes: ordered.map((bet) => ({ betId: bet.id, result: "refunded", payout: bet.stake })),
    };
  }

  // BigInt: pool × stake can pass 2^53 for large pools.
  const shares = new Map(
    winning.map((bet) => [bet.id, Number((BigInt(pool) * BigInt(bet.stake)) / BigInt(winningStake))]),
  );
  let remainder = pool - [...shares.values()].reduce((sum, share) => sum + share, 0);
  for (const bet of winning) {
    if (remainder === 0) break;
    shares.set(bet.id, (shares.get(bet.id) ?? 0) + 1);
    remainder -= 1;
  }
  return {
    pool,
    kind: "paid",
    outcomes: ordered.map((bet) => {
      const share = shares.get(bet.id);
      return share === undefined
        ? { betId: bet.id, result: "lost", payout: 0 }
        : { betId: bet.id, result: "won", payout: share };
    }),
  };
}

/**
 * The bets a horse leaving the race takes with it: every bet on one of
 * `leaving` is refunded in full now, and the rest stay in the pool for the
 * settlement. Refunds plus what the rest later pays out are exactly the pool.
 */
export function refundsOnLeaving(bets: readonly PoolBet[], leaving: ReadonlySet<string>) {
  return {
    refunded: refundPool(bets.filter((bet) => leaving.has(bet.horseId))),
    remaining: bets.filter((bet) => !leaving.has(bet.horseId)),
  };
}

/** A refund of every stake, as when a meeting is cancelled. */
export function refundPool(bets: readonly PoolBet[]): Settlement {
  return settlePool(bets, new Set());
}

/**
 * Who won the race: the racing attendees who finished first, on or before the
 * deadline (a member reading without racing finishes, and is rewarded, but
 * does not win). Several share the win only with the very same finishing time.
 */
export function raceWinners(
  progress: readonly { userId: string; finishedAt: Date | null; racing?: boolean }[],
  deadline: Date,
): Set<string> {
  const inTime = progress.filter(
    (row): row is { userId: string; finishedAt: Date; racing?: boolean } =>
      row.racing !== false && row.finishedAt !== null && row.finishedAt <= deadline,
  );
  if (inTime.length === 0) return new Set();
  const first = inTime.reduce((min, row) => Math.min(min, row.finishedAt.getTime()), Number.POSITIVE_INFINITY);
  return new Set(inTime.filter((row) => row.finishedAt.getTime() === first).map((row) => row.userId));
}

/**
 * Implied decimal odds of a horse: what one point staked on it would return
 * if it won now (pool ÷ stakes on it). Null when nobody backs it.
 */
export function impliedOdds(pool: number, stakeOnHorse: number): number | null {
  return stakeOnHorse > 0 ? Math.round((pool / stakeOnHorse) * 100) / 100 : null;
}
