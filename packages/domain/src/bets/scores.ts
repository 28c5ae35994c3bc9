/**
 * Club score over a period: the points its members earned in the club's
 * meetings, raised by the club's finishing rate (finishers ÷ attendees of its
 * settled meetings): points × (1 + rate), rounded down. A club where every
 * attendee finishes doubles its points; one where nobody does keeps them.
 *
 * The database applies this rule (the `club_rankings` view, migration 0006)
 * so that ranks come from an index; this function states it for tests, and
 * apps/server/test/rankings-sql.test.ts checks the view against it.
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

/*
 * Competition ranking ("1224": equal scores share a rank, the next rank skips
 * the places shared) lives in SQL only, as `rank() over (order by score desc)`:
 * in the `user_rankings`, `club_rankings` (migration 0006) and
 * `club_member_rankings` (0019) materialized views and in the live friends
 * board (`services/leaderboards.ts` in the server). apps/server/test/rankings-sql.test.ts checks it on the views.
 */
