import {
  and,
  asc,
  type Database,
  type Executor,
  eq,
  type Meeting,
  meetingRsvps,
  readingMilestones,
  readingProgress,
  type SQL,
  sql,
} from "@booky/db";
import { type Milestone, readingStanding, scheduleProblem } from "@booky/domain";
import { conflict, fieldError } from "../errors.js";

/** The attendees going to a meeting and the page each reached (0 before their first report), `also` narrowing them. */
export function readersGoing(db: Executor, meetingId: string, also?: SQL) {
  return db
    .select({ userId: meetingRsvps.userId, page: sql<number>`coalesce(${readingProgress.page}, 0)` })
    .from(meetingRsvps)
    .leftJoin(
      readingProgress,
      and(eq(readingProgress.meetingId, meetingRsvps.meetingId), eq(readingProgress.userId, meetingRsvps.userId)),
    )
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.status, "going"), also));
}

/** A meeting's milestones in reading order, and where each attendee going stands against them now. */
export async function getSchedule(db: Executor, meetingId: string, now = new Date()) {
  const milestones = await db
    .select({ id: readingMilestones.id, untilPage: readingMilestones.untilPage, dueAt: readingMilestones.dueAt })
    .from(readingMilestones)
    .where(eq(readingMilestones.meetingId, meetingId))
    .orderBy(asc(readingMilestones.untilPage));
  const readers = await readersGoing(db, meetingId);
  return {
    milestones,
    standings: readers.map((reader) => ({
      userId: reader.userId,
      standing: readingStanding(reader.page, milestones, now),
    })),
  };
}

/** Replaces a meeting's schedule (an empty list removes it); only while the meeting is still to be read. */
export async function setSchedule(
  db: Database,
  meeting: Pick<Meeting, "id" | "status" | "bookPageCount" | "readingDeadline">,
  milestones: Milestone[],
) {
  if (meeting.status !== "scheduled" && meeting.status !== "active") {
    throw conflict("This meeting is over: its schedule can no longer change");
  }
  const problem = scheduleProblem(milestones, meeting.bookPageCount, meeting.readingDeadline);
  if (problem) throw fieldError("milestones", problem);
  await db.transaction(async (tx) => {
    await tx.delete(readingMilestones).where(eq(readingMilestones.meetingId, meeting.id));
    if (milestones.length > 0) {
      await tx.insert(readingMilestones).values(milestones.map((m) => ({ meetingId: meeting.id, ...m })));
    }
  });
  return getSchedule(db, meeting.id);
}
