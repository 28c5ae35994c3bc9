import type { MeetingStatus } from "../meetings/status.js";

/** A bet's life: open until settled (won, lost, refunded) or taken back (cancelled). */
export const BET_STATUSES = ["open", "won", "lost", "refunded", "cancelled"] as const;
export type BetStatus = (typeof BET_STATUSES)[number];

/** How a meeting's pool was settled: paid to the winners, or refunded to everyone. */
export const SETTLEMENT_KINDS = ["paid", "refunded"] as const;

export type BetVerdict = { ok: true } | { ok: false; reason: string };

/** Bets are taken while the meeting is scheduled and its reading deadline has not passed. */
export function acceptsBets(meeting: { status: MeetingStatus; readingDeadline: Date }, now: Date): BetVerdict {
  if (meeting.status !== "scheduled") return { ok: false, reason: `A ${meeting.status} meeting takes no more bets` };
  if (now >= meeting.readingDeadline) return { ok: false, reason: "The reading deadline has passed; bets are closed" };
  return { ok: true };
}

/** A bet can be taken back until the meeting starts. */
export function allowsBetCancel(meeting: { status: MeetingStatus; startsAt: Date }, now: Date): BetVerdict {
  if (meeting.status !== "scheduled") return { ok: false, reason: `Bets on a ${meeting.status} meeting are final` };
  if (now >= meeting.startsAt) return { ok: false, reason: "The meeting has started; bets are final" };
  return { ok: true };
}

/**
 * How long after its start a meeting that nobody closed is closed
 * automatically (and its bets settled). The race itself ends at the reading
 * deadline, which is never after the start, so waiting changes no result; it
 * leaves the meeting time to be held and marked active.
 */
export const AUTO_CLOSE_AFTER_START_MS = 6 * 60 * 60 * 1000;

/** The statuses a forgotten meeting is auto-closed from (a scheduled one passes through active). */
export const AUTO_CLOSE_FROM = ["scheduled", "active"] as const satisfies readonly MeetingStatus[];

/**
 * The latest start a meeting may have for the sweep to close it at `now`:
 * the one time bound behind `isDueForAutoClose` and the sweep's SQL.
 */
export function autoCloseCutoff(now: Date): Date {
  return new Date(now.getTime() - AUTO_CLOSE_AFTER_START_MS);
}

export function isDueForAutoClose(meeting: { status: MeetingStatus; startsAt: Date }, now: Date): boolean {
  return (
    (AUTO_CLOSE_FROM as readonly MeetingStatus[]).includes(meeting.status) &&
    meeting.startsAt.getTime() <= autoCloseCutoff(now).getTime()
  );
}

/** Whether a club's meetings have pools at all: a club can turn betting off. */
export function clubBets(club: { bettingEnabled: boolean }): BetVerdict {
  return club.bettingEnabled ? { ok: true } : { ok: false, reason: "This club has turned betting off" };
}

/**
 * Whether a member can be bet on (the horse): the club bets at all, and the
 * horse attends, races (not reading without racing) and has not finished yet,
 * since a bet on a finished race is no bet.
 */
export function acceptsBetOn(
  club: { bettingEnabled: boolean },
  horse: { attends: boolean; racing: boolean; finished: boolean } | null,
): BetVerdict {
  const bets = clubBets(club);
  if (!bets.ok) return bets;
  if (!horse?.attends) return { ok: false, reason: "You can only bet on someone who is attending" };
  if (!horse.racing) return { ok: false, reason: "This member reads without racing and cannot be bet on" };
  if (horse.finished) return { ok: false, reason: "This member has already finished the book" };
  return { ok: true };
}

/** A member may join or leave the race until the meeting ends. */
export function allowsRacingChange(status: MeetingStatus): BetVerdict {
  if (status === "scheduled" || status === "active") return { ok: true };
  return { ok: false, reason: `A ${status} meeting's race is over` };
}
