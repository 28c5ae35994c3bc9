import {
  and,
  appendLedger,
  clubMembers,
  type Executor,
  eq,
  inArray,
  type Meeting,
  meetingRsvps,
  preparedQuery,
  type RsvpStatus,
  type SQL,
  type SQLWrapper,
  sql,
} from "@booky/db";
import { acceptsAttendance, attendanceReward } from "@booky/domain";
import { conflict, fieldError } from "../errors.js";
import { enqueueLeaderboardRefresh } from "./jobs.js";

/**
 * Who attends a meeting: the members whose RSVP is "going". The one place
 * that rule is written; bets, progress, standings and settlement all ask here.
 */

const GOING = "going" satisfies RsvpStatus;

/**
 * The meeting's attendees, as a condition on `meeting_rsvps`. "Going" is written into the SQL text, not sent as a
 * parameter: the partial indexes on attendees (`where status = 'going'`) then match the plan PostgreSQL keeps for
 * a prepared statement after its first calls (a generic plan), instead of planning it again on every call.
 */
export function attendeesOf(meetingId: string | SQLWrapper): SQL {
  return sql`(${meetingRsvps.meetingId} = ${meetingId} and ${meetingRsvps.status} = ${sql.raw(`'${GOING}'`)})`;
}

/** The attendees who race (the horses of the bet pool, `where status = 'going' and racing`); in the text, as above. */
export function racersOf(meetingId: string | SQLWrapper): SQL {
  return sql`(${attendeesOf(meetingId)} and ${meetingRsvps.racing})`;
}

/** Whether `userId` attends the meeting (a prepared query: progress reports and bets ask on every call). */
export async function isAttendee(db: Executor, meetingId: string, userId: string): Promise<boolean> {
  const rows = await attendeeRow(db, { meetingId, userId });
  return rows.length > 0;
}

const attendeeRow = preparedQuery("attendee_row", (db) =>
  db
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(attendeesOf(sql.placeholder("meetingId")), eq(meetingRsvps.userId, sql.placeholder("userId")))),
);

/**
 * Marks who came, once the meeting has started; only the club's members can
 * be marked (and whoever came attended: RSVP going). Each attendee earns the
 * attendance reward once.
 */
export function recordAttendance(
  db: Executor,
  meeting: Meeting,
  attendance: readonly { userId: string; attended: boolean }[],
) {
  if (!acceptsAttendance(meeting.status)) {
    throw conflict(`Attendance is recorded once a meeting has started, not for a ${meeting.status} one`);
  }
  return db.transaction(async (tx) => {
    const ids = [...new Set(attendance.map((row) => row.userId))];
    const members = await tx
      .select({ userId: clubMembers.userId })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, meeting.clubId), inArray(clubMembers.userId, ids)));
    if (members.length !== ids.length) throw fieldError("attendance", "Only club members can be marked");
    const rows = attendance.map((row) => ({
      meetingId: meeting.id,
      userId: row.userId,
      status: "going" as const,
      attended: row.attended,
    }));
    await tx
      .insert(meetingRsvps)
      .values(rows)
      .onConflictDoUpdate({
        target: [meetingRsvps.meetingId, meetingRsvps.userId],
        set: { attended: sql`excluded.attended`, updatedAt: sql`now()` },
      });
    const rewards = await appendLedger(
      tx,
      rows.filter((row) => row.attended).map((row) => attendanceReward(meeting.id, row.userId)),
    );
    if (rewards.length > 0) await enqueueLeaderboardRefresh(tx);
    return { recorded: rows.length, rewarded: rewards.length };
  });
}

/**
 * The SQL twin of `revealsProgress`: whether `viewerId` may see the progress of
 * member `userId` in meeting `meetingId` (their own, or a member who races).
 */
type ColumnOrSql = Parameters<typeof eq>[0];

export function progressRevealedTo(viewerId: string, meetingId: ColumnOrSql, userId: ColumnOrSql): SQL {
  return sql`(${userId} = ${viewerId} or not exists (select 1 from ${meetingRsvps}
    where ${meetingRsvps.meetingId} = ${meetingId} and ${meetingRsvps.userId} = ${userId}
      and not ${meetingRsvps.racing}))`;
}
