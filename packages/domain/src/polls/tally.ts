/**
 * Poll tallies: instant runoff (ranked choice) and approval voting, pure.
 *
 * A ballot lists option ids: for ranked choice most preferred first, for
 * approval the options approved (order ignored). Ids that are not options and
 * repeats are ignored, so a ballot means the same whatever else it carries.
 *
 * Tie-break (stated, deterministic): when several options share the fewest
 * votes in a round, the one with fewer votes in the latest earlier round where
 * they differ is eliminated ("backwards" tie-break); if they tied in every
 * round, the option listed last in `options` (the ballot order the admin gave) is
 * eliminated. Approval ties go to the option listed first. Neither depends on
 * the order ballots arrive.
 */

export const POLL_KINDS = ["ranked", "approval"] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export type Ballot = readonly string[];

/** Votes moved from an eliminated option to the next choice on each ballot (`to: null`: the ballot ran out). */
export interface Transfer {
  to: string | null;
  votes: number;
}

export interface TallyRound {
  round: number;
  /** Votes per option still standing, in `options` order. */
  counts: { optionId: string; votes: number }[];
  /** Ballots with no standing option left, so far. */
  exhausted: number;
  /** The option eliminated at the end of this round (null in the deciding round). */
  eliminated: string | null;
  /** Whether the elimination needed the tie-break. */
  tieBroken: boolean;
  transfers: Transfer[];
}

export interface Tally {
  kind: PollKind;
  winner: string | null;
  ballots: number;
  rounds: TallyRound[];
}

/** Each ballot's recognised options, first occurrence only, in its own order. */
function cleanBallots(options: readonly string[], ballots: readonly Ballot[]): string[][] {
  const known = new Set(options);
  return ballots.map((ballot) => [...new Set(ballot)].filter((id) => known.has(id)));
}

function countsFor(standing: readonly string[], votes: ReadonlyMap<string, number>) {
  return standing.map((optionId) => ({ optionId, votes: votes.get(optionId) ?? 0 }));
}

/** The option to eliminate among the tied lowest, by the backwards rule then the latest listed. */
function pickElimination(tied: string[], history: ReadonlyMap<string, number>[], options: readonly string[]) {
  let candidates = tied;
  for (let index = history.length - 2; index >= 0 && candidates.length > 1; index -= 1) {
    const earlier = history[index] as ReadonlyMap<string, number>;
    const fewest = Math.min(...candidates.map((id) => earlier.get(id) ?? 0));
    candidates = candidates.filter((id) => (earlier.get(id) ?? 0) === fewest);
  }
  return candidates.reduce((last, id) => (options.indexOf(id) > options.indexOf(last) ? id : last));
}

/** Instant runoff: a majority of the ballots still counting wins; else the fewest is eliminated and transferred. */
export function tallyRanked(options: readonly string[], ballots: readonly Ballot[]): Tally {
  const cleaned = cleanBallots(options, ballots).filter((ballot) => ballot.length > 0);
  const result: Tally = { kind: "ranked", winner: null, ballots: cleaned.length, rounds: [] };
  if (cleaned.length === 0 || options.length === 0) return result;
  let standing = [...options];
  const history: Map<string, number>[] = [];
  for (let round = 1; ; round += 1) {
    const votes = new Map<string, number>();
    let exhausted = 0;
    const top = cleaned.map((ballot) => ballot.find((id) => standing.includes(id)) ?? null);
    for (const choice of top) {
      if (choice === null) exhausted += 1;
      else votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    history.push(votes);
    const counting = cleaned.length - exhausted;
    const leader = standing.find((id) => (votes.get(id) ?? 0) * 2 > counting);
    const counts = countsFor(standing, votes);
    if (leader !== undefined || standing.length === 1) {
      result.winner = leader ?? (standing[0] as string);
      result.rounds.push({ round, counts, exhausted, eliminated: null, tieBroken: false, transfers: [] });
      return result;
    }
    const fewest = Math.min(...counts.map((count) => count.votes));
    const tied = standing.filter((id) => (votes.get(id) ?? 0) === fewest);
    const eliminated = tied.length === 1 ? (tied[0] as string) : pickElimination(tied, history, options);
    const remaining = standing.filter((id) => id !== eliminated);
    const moved = new Map<string | null, number>();
    cleaned.forEach((ballot, index) => {
      if (top[index] !== eliminated) return;
      const next = ballot.find((id) => remaining.includes(id)) ?? null;
      moved.set(next, (moved.get(next) ?? 0) + 1);
    });
    const transfers = [...remaining, null]
      .filter((to) => moved.has(to))
      .map((to) => ({ to, votes: moved.get(to) as number }));
    result.rounds.push({ round, counts, exhausted, eliminated, tieBroken: tied.length > 1, transfers });
    standing = remaining;
  }
}

/** Approval: the most approvals wins, ties to the option listed first; one round. */
export function tallyApproval(options: readonly string[], ballots: readonly Ballot[]): Tally {
  const cleaned = cleanBallots(options, ballots).filter((ballot) => ballot.length > 0);
  const votes = new Map<string, number>();
  for (const ballot of cleaned) for (const id of ballot) votes.set(id, (votes.get(id) ?? 0) + 1);
  const counts = countsFor(options, votes);
  const best = counts.reduce<{ optionId: string; votes: number } | null>(
    (top, count) => (top === null || count.votes > top.votes ? count : top),
    null,
  );
  const winner = cleaned.length > 0 && best ? best.optionId : null;
  const tieBroken = best !== null && counts.filter((count) => count.votes === best.votes).length > 1;
  return {
    kind: "approval",
    winner,
    ballots: cleaned.length,
    rounds:
      cleaned.length === 0 ? [] : [{ round: 1, counts, exhausted: 0, eliminated: null, tieBroken, transfers: [] }],
  };
}

export function tally(kind: PollKind, options: readonly string[], ballots: readonly Ballot[]): Tally {
  return kind === "ranked" ? tallyRanked(options, ballots) : tallyApproval(options, ballots);
}
