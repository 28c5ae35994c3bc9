/**
 * Club score over a period: the points its members earned in the club's
 * meetings, raised by the club's finishing rate (finishers ÷ attendees of its
 * settled meetings): points × (1 + rate), rounded down. A club where every
 * attendee finishes doubles its points; one where nobody does keeps them.
 */
export function clubScore(input: { points: number; finishers: number; attendees: number }): number {
  const { points, finishers, attendees } = input;
  if (attendees <= 0) return points;
  return Math.floor((points * (attendees + Math.min(finishers, attendees))) / attendees);
}

/** Leaderboard periods: all time, or one calendar month (UTC) as `YYYY-MM`. */
export type PeriodKey = "all" | `${number}-${number}`;

export function monthKey(at: Date): PeriodKey {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}` as PeriodKey;
}

export function periodKey(period: "allTime" | "thisMonth", now: Date): PeriodKey {
  return period === "allTime" ? "all" : monthKey(now);
}

/**
 * Competition ranking ("1224"): equal scores share a rank, and the next rank
 * skips as many places as were shared. `scores` must be sorted high to low.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, index) => {
    ranks.push(index > 0 && score === scores[index - 1] ? (ranks[index - 1] as number) : index + 1);
  });
  return ranks;
}
