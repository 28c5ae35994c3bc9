import {
  and,
  clubMembers,
  clubs,
  type Executor,
  eq,
  gt,
  inArray,
  type Meeting,
  meetingRsvps,
  meetings,
  type SQL,
  sql,
} from "@booky/db";
import { type MeetingStatus, sourcesOf } from "@booky/domain";
import { conflict } from "../errors.js";
import { enqueueSettlement } from "./jobs.js";

/** The meeting, its club's visibility and the caller's role in that club, in one query. */
export async function findMeetingWithRole(db: Executor, meetingId: string, userId: string) {
  const [row] = await db
    .select({ meeting: meetings, visibility: clubs.visibility, role: clubMembers.role })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .leftJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, userId)))
    .where(eq(meetings.id, meetingId));
  return row ?? null;
}

/**
 * Withdraws someone's answers to meetings still to come, of one club (they
 * left it) or of every club (they deleted their account): they no longer
 * attend. Answers to past meetings stay as the record of who came.
 */
export async function withdrawUpcomingRsvps(db: Executor, userId: string, clubId?: string): Promise<void> {
  const upcoming = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(gt(meetings.startsAt, sql`now()`), clubId ? eq(meetings.clubId, clubId) : undefined));
  await db.delete(meetingRsvps).where(and(eq(meetingRsvps.userId, userId), inArray(meetingRsvps.meetingId, upcoming)));
}

const stamps: Partial<Record<MeetingStatus, { startedAt?: SQL; closedAt?: SQL; cancelledAt?: SQL }>> = {
  active: { startedAt: sql`now()` },
  closed: { closedAt: sql`now()` },
  cancelled: { cancelledAt: sql`now()` },
};

/**
 * Moves a meeting along its status machine with one compare-and-set, so two
 * admins racing (close vs cancel) cannot both win; illegal moves are CONFLICT.
 * Closing and cancelling queue the settlement job in the same transaction:
 * bets are paid out (closed) or refunded (cancelled) exactly when the move commits.
 */
export async function transitionMeeting(db: Executor, meetingId: string, to: MeetingStatus): Promise<Meeting> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .update(meetings)
      .set({ status: to, ...stamps[to] })
      .where(and(eq(meetings.id, meetingId), inArray(meetings.status, sourcesOf(to))))
      .returning();
    if (!meeting) {
      const [current] = await tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId));
      throw conflict(`A ${current?.status ?? "missing"} meeting cannot become ${to}`);
    }
    if (to === "closed" || to === "cancelled") await enqueueSettlement(tx, meeting.id);
    return meeting;
  });
}
