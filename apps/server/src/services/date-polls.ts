import {
  and,
  asc,
  type Database,
  type Executor,
  eq,
  inArray,
  isNull,
  type Meeting,
  meetingDatePolls,
  meetingRsvps,
  meetings,
  meetingTimeMarks,
  meetingTimeOptions,
  readingMilestones,
  sql,
} from "@booky/db";
import { datePollProblem, deadlineAfterMove, scheduleProblem } from "@booky/domain";
import { conflict, fieldError, notFound } from "../errors.js";
import { updateMeeting } from "./meetings.js";
import { notify } from "./notifications.js";
import { notifyClub } from "./notifications-events.js";

/**
 * A meeting's date poll: every time offered (soonest first) with how many it
 * suits and whether it suits the caller, and the time picked; null when the
 * meeting has none.
 */
export async function getDatePoll(db: Executor, meetingId: string, userId: string) {
  const [poll] = await db
    .select({ pickedOptionId: meetingDatePolls.pickedOptionId, pickedAt: meetingDatePolls.pickedAt })
    .from(meetingDatePolls)
    .where(eq(meetingDatePolls.meetingId, meetingId));
  if (!poll) return null;
  const options = await db
    .select({
      id: meetingTimeOptions.id,
      startsAt: meetingTimeOptions.startsAt,
      count: sql<number>`count(${meetingTimeMarks.userId})::int`,
      mine: sql<boolean>`coalesce(bool_or(${meetingTimeMarks.userId} = ${userId}), false)`,
    })
    .from(meetingTimeOptions)
    .leftJoin(meetingTimeMarks, eq(meetingTimeMarks.optionId, meetingTimeOptions.id))
    .where(eq(meetingTimeOptions.meetingId, meetingId))
    .groupBy(meetingTimeOptions.id)
    .orderBy(asc(meetingTimeOptions.startsAt));
  return { ...poll, options };
}

/**
 * A club admin offers times for a scheduled meeting; one poll per meeting
 * (CONFLICT on a second). The club's members are told in the same transaction.
 */
export async function openDatePoll(
  db: Database,
  userId: string,
  meeting: Pick<Meeting, "id" | "status" | "clubId">,
  times: Date[],
) {
  if (meeting.status !== "scheduled") throw conflict(`A ${meeting.status} meeting cannot be moved`);
  const problem = datePollProblem(times, new Date());
  if (problem) throw fieldError("times", problem);
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(meetingDatePolls)
      .values({ meetingId: meeting.id, createdBy: userId })
      .onConflictDoNothing()
      .returning({ meetingId: meetingDatePolls.meetingId });
    if (created.length === 0) throw conflict("This meeting already has a date poll");
    await tx.insert(meetingTimeOptions).values(times.map((startsAt) => ({ meetingId: meeting.id, startsAt })));
    // Everyone who can mark a time is asked (not the admin who opened it), each as they prefer to be told.
    await notifyClub(tx, meeting.clubId, { kind: "date_poll_opened", actorId: userId, meetingId: meeting.id });
  });
  return getDatePoll(db, meeting.id, userId);
}

/** The meeting's poll row, locked `mode` for the caller's change; NOT_FOUND without one, CONFLICT once picked. */
async function openPollOf(tx: Executor, meetingId: string, mode: "share" | "update") {
  const [poll] = await tx
    .select({ pickedAt: meetingDatePolls.pickedAt })
    .from(meetingDatePolls)
    .where(eq(meetingDatePolls.meetingId, meetingId))
    .for(mode);
  if (!poll) throw notFound("This meeting has no date poll");
  if (poll.pickedAt) throw conflict("A time has been picked: the date poll is over");
}

/**
 * The times that suit the caller, replacing what they marked. The poll's row
 * is taken FOR SHARE, so a pick racing the mark waits for it (and counts it)
 * or has committed first (and the mark is refused).
 */
export async function markDates(db: Database, userId: string, meetingId: string, optionIds: string[]) {
  await db.transaction(async (tx) => {
    await openPollOf(tx, meetingId, "share");
    const options = await tx
      .select({ id: meetingTimeOptions.id })
      .from(meetingTimeOptions)
      .where(eq(meetingTimeOptions.meetingId, meetingId));
    const known = new Set(options.map((option) => option.id));
    if (!optionIds.every((id) => known.has(id))) throw fieldError("optionIds", "Mark times of this poll");
    await tx.delete(meetingTimeMarks).where(
      and(
        eq(meetingTimeMarks.userId, userId),
        inArray(
          meetingTimeMarks.optionId,
          options.map((option) => option.id),
        ),
      ),
    );
    if (optionIds.length > 0) {
      await tx.insert(meetingTimeMarks).values(optionIds.map((optionId) => ({ optionId, userId })));
    }
  });
  return getDatePoll(db, meetingId, userId);
}

/**
 * A club admin picks one of the poll's times: the poll is stamped (once, in a
 * compare-and-set), the meeting moves to that time (its deadline as
 * `deadlineAfterMove` says, refused when a milestone would fall after it;
 * its day-before reminder due again) and its attendees going, and everyone who marked a
 * time, are told, all in one transaction.
 */
export async function pickDate(db: Database, userId: string, meeting: Meeting, optionId: string) {
  const moved = await db.transaction(async (tx) => {
    const [option] = await tx
      .select({ startsAt: meetingTimeOptions.startsAt })
      .from(meetingTimeOptions)
      .where(and(eq(meetingTimeOptions.id, optionId), eq(meetingTimeOptions.meetingId, meeting.id)));
    if (!option) throw fieldError("optionId", "This time is not one of the poll's");
    if (datePollProblem([option.startsAt], new Date())) throw fieldError("optionId", "This time has passed");
    await openPollOf(tx, meeting.id, "update");
    const readingDeadline = deadlineAfterMove(meeting, option.startsAt);
    const milestones = await tx
      .select({ untilPage: readingMilestones.untilPage, dueAt: readingMilestones.dueAt })
      .from(readingMilestones)
      .where(eq(readingMilestones.meetingId, meeting.id));
    if (scheduleProblem(milestones, meeting.bookPageCount, readingDeadline)) {
      throw fieldError("optionId", "A reading milestone falls after this time: change the schedule first");
    }
    await tx
      .update(meetingDatePolls)
      .set({ pickedOptionId: optionId, pickedAt: sql`now()` })
      .where(and(eq(meetingDatePolls.meetingId, meeting.id), isNull(meetingDatePolls.pickedAt)));
    const updated = await updateMeeting(tx, meeting, { startsAt: option.startsAt, readingDeadline });
    // The meeting moved: its day-before reminder goes out again for the new day.
    await tx.update(meetings).set({ remindedAt: null }).where(eq(meetings.id, meeting.id));
    const told = await tx.selectDistinct({ userId: sql<string>`who.user_id` }).from(
      sql`(select ${meetingRsvps.userId} as user_id from ${meetingRsvps}
              where ${meetingRsvps.meetingId} = ${meeting.id} and ${meetingRsvps.status} = 'going'
            union
            select m.user_id from ${meetingTimeMarks} m
              join ${meetingTimeOptions} o on o.id = m.option_id
              where o.meeting_id = ${meeting.id}) as who`,
    );
    await notify(
      tx,
      told.map((row) => ({
        userId: row.userId,
        actorId: userId,
        kind: "meeting_time_picked" as const,
        clubId: meeting.clubId,
        meetingId: meeting.id,
        data: { startsAt: `${option.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC` },
      })),
    );
    return updated;
  });
  return { meeting: moved, datePoll: await getDatePoll(db, meeting.id, userId) };
}
