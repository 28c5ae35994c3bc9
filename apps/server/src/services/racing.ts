import { and, bets, type Executor, eq, meetingRsvps, meetings, type RsvpStatus, sql } from "@booky/db";
import { acceptsRsvp, allowsRacingChange } from "@booky/domain";
import { conflict, forbidden, notFound } from "../errors.js";
import { attendeesOf } from "./attendance.js";
import { refundOpenBets } from "./bets-refunds.js";

/**
 * The meeting's status under FOR SHARE: a close, cancel or settlement (which
 * take the row FOR UPDATE) waits until the caller commits, or went first.
 */
async function lockMeetingStatus(tx: Executor, meetingId: string) {
  const [current] = await tx
    .select({ status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .for("share");
  if (!current) throw notFound("No such meeting");
  return current.status;
}

/** Refunds the open bets on `horseId` in one meeting: the member left its race. */
function refundBetsOn(tx: Executor, meetingId: string, horseId: string) {
  return refundOpenBets(tx, and(eq(bets.meetingId, meetingId), eq(bets.horseId, horseId)) ?? sql`false`);
}

/**
 * Joins or leaves the race of a meeting the caller attends, until it ends.
 * Leaving refunds the open bets on them in the same transaction, exactly
 * once (see `refundOpenBets`); a bet being placed on them meanwhile is
 * either refunded with the rest or refused.
 */
export function setRacing(db: Executor, userId: string, meetingId: string, racing: boolean) {
  return db.transaction(async (tx) => {
    const allowed = allowsRacingChange(await lockMeetingStatus(tx, meetingId));
    if (!allowed.ok) throw conflict(allowed.reason);
    const [rsvp] = await tx
      .update(meetingRsvps)
      .set({ racing, updatedAt: sql`now()` })
      .where(and(attendeesOf(meetingId), eq(meetingRsvps.userId, userId)))
      .returning({ racing: meetingRsvps.racing });
    if (!rsvp) throw forbidden("Only attendees (RSVP going) can race or read without racing");
    const refunded = racing ? [] : await refundBetsOn(tx, meetingId, userId);
    return { meetingId, userId, racing: rsvp.racing, refundedBets: refunded.length };
  });
}

/**
 * The caller's answer to a meeting, until it ends; answering again changes it.
 * `racing: false` reads without racing (refunding bets on them, as leaving the
 * race does); omitted, it stays as it was (racing for a first answer).
 */
export function answerRsvp(
  db: Executor,
  userId: string,
  meetingId: string,
  input: { status: RsvpStatus; racing?: boolean | undefined },
) {
  return db.transaction(async (tx) => {
    const status = await lockMeetingStatus(tx, meetingId);
    if (!acceptsRsvp(status)) throw conflict(`A ${status} meeting takes no more answers`);
    const racing = input.racing === undefined ? {} : { racing: input.racing };
    const [rsvp] = await tx
      .insert(meetingRsvps)
      .values({ meetingId, userId, status: input.status, ...racing })
      .onConflictDoUpdate({
        target: [meetingRsvps.meetingId, meetingRsvps.userId],
        set: { status: input.status, ...racing, updatedAt: sql`now()` },
      })
      .returning();
    if (!rsvp) throw new Error("rsvp upsert returned nothing");
    if (!rsvp.racing) await refundBetsOn(tx, meetingId, userId);
    return rsvp;
  });
}
