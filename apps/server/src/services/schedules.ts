import {
  and,
  asc,
  type ClubRole,
  clubs,
  type Database,
  type Executor,
  eq,
  lt,
  type Meeting,
  meetingRsvps,
  readingMilestones,
  readingProgress,
  type SQL,
  sql,
} from "@booky/db";
import { type Milestone, readingStanding, revealsProgress, scheduleProblem } from "@booky/domain";
import { conflict, fieldError } from "../errors.js";
import { createThread } from "./discussions.js";

/** The attendees going to a meeting and the page each reached (0 before their first report), `also` narrowing them. */
export function readersGoing(db: Executor, meetingId: string, also?: SQL) {
  return db
    .select({
      userId: meetingRsvps.userId,
      racing: meetingRsvps.racing,
      page: sql<number>`coalesce(${readingProgress.page}, 0)`,
    })
    .from(meetingRsvps)
    .leftJoin(
      readingProgress,
      and(eq(readingProgress.meetingId, meetingRsvps.meetingId), eq(readingProgress.userId, meetingRsvps.userId)),
    )
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.status, "going"), also));
}

/** A meeting's milestones in reading order, each with its discussion thread if one was opened. */
function milestonesOf(db: Executor, meetingId: string) {
  return db
    .select({
      id: readingMilestones.id,
      untilPage: readingMilestones.untilPage,
      dueAt: readingMilestones.dueAt,
      threadId: readingMilestones.threadId,
    })
    .from(readingMilestones)
    .where(eq(readingMilestones.meetingId, meetingId))
    .orderBy(asc(readingMilestones.untilPage));
}

/** Where the caller stands against the meeting's schedule; null without a schedule or when not going. */
export async function myStanding(db: Executor, meetingId: string, userId: string, now = new Date()) {
  const milestones = await milestonesOf(db, meetingId);
  if (milestones.length === 0) return { standing: null };
  const [reader] = await readersGoing(db, meetingId, eq(meetingRsvps.userId, userId));
  return { standing: reader ? readingStanding(reader.page, milestones, now) : null };
}

/**
 * A meeting's milestones in reading order, and where each attendee going stands against them now;
 * null (shown as "reading") for another member who reads without racing.
 */
export async function getSchedule(db: Executor, viewerId: string | null, meetingId: string, now = new Date()) {
  const milestones = await milestonesOf(db, meetingId);
  const readers = await readersGoing(db, meetingId);
  return {
    milestones,
    standings: readers.map((reader) => ({
      userId: reader.userId,
      racing: reader.racing,
      standing: revealsProgress(viewerId, reader) ? readingStanding(reader.page, milestones, now) : null,
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
    // A milestone's thread passes to the new milestone ending on its page (the thread's spoiler page).
    const threads = await tx
      .select({ untilPage: readingMilestones.untilPage, threadId: readingMilestones.threadId })
      .from(readingMilestones)
      .where(eq(readingMilestones.meetingId, meeting.id))
      .for("update");
    const threadAt = new Map(threads.map((row) => [row.untilPage, row.threadId]));
    await tx.delete(readingMilestones).where(eq(readingMilestones.meetingId, meeting.id));
    if (milestones.length > 0) {
      await tx
        .insert(readingMilestones)
        .values(milestones.map((m) => ({ meetingId: meeting.id, ...m, threadId: threadAt.get(m.untilPage) ?? null })));
    }
  });
  return getSchedule(db, null, meeting.id);
}

/**
 * A club admin opens a milestone's discussion thread: its spoiler page is the
 * milestone's end, so it stays hidden from readers not that far yet. The
 * milestone's row is locked while the thread is made: two admins at once
 * make one thread (the second gets CONFLICT), as does opening one twice.
 */
export async function openMilestoneThread(
  db: Database,
  caller: { userId: string; role: ClubRole },
  meeting: Pick<Meeting, "id" | "clubId">,
  milestoneId: string,
) {
  return db.transaction(async (tx) => {
    const [milestone] = await tx
      .select({
        untilPage: readingMilestones.untilPage,
        dueAt: readingMilestones.dueAt,
        threadId: readingMilestones.threadId,
      })
      .from(readingMilestones)
      .where(and(eq(readingMilestones.id, milestoneId), eq(readingMilestones.meetingId, meeting.id)))
      .for("update");
    if (!milestone) throw fieldError("milestoneId", "This milestone is not in the meeting's schedule");
    if (milestone.threadId) throw conflict("This milestone has its thread already");
    const [previous] = await tx
      .select({ untilPage: readingMilestones.untilPage })
      .from(readingMilestones)
      .where(and(eq(readingMilestones.meetingId, meeting.id), lt(readingMilestones.untilPage, milestone.untilPage)))
      .orderBy(sql`${readingMilestones.untilPage} desc`)
      .limit(1);
    const [club] = await tx
      .select({ id: clubs.id, archivedAt: clubs.archivedAt })
      .from(clubs)
      .where(eq(clubs.id, meeting.clubId));
    if (!club) throw new Error("a meeting's club is missing");
    const from = (previous?.untilPage ?? 0) + 1;
    const thread = await createThread(
      tx,
      { club, userId: caller.userId, role: caller.role },
      {
        meetingId: meeting.id,
        title: `Pages ${from}–${milestone.untilPage}`,
        body: `Talk about pages ${from} to ${milestone.untilPage}, to be read by ${milestone.dueAt.toISOString().slice(0, 10)}. Anything up to page ${milestone.untilPage} may be said here: readers not that far yet see it hidden.`,
        page: milestone.untilPage,
      },
    );
    await tx.update(readingMilestones).set({ threadId: thread.id }).where(eq(readingMilestones.id, milestoneId));
    return { milestoneId, threadId: thread.id, page: thread.page };
  });
}
