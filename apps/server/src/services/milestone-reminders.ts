import {
  and,
  type Database,
  eq,
  exists,
  finishReminders,
  gt,
  inArray,
  lte,
  meetingRsvps,
  meetings,
  milestoneReminders,
  readingMilestones,
  type SQL,
  sql,
  type Transaction,
} from "@booky/db";
import { MILESTONE_REMINDER_LEAD_MS, type Milestone, milestonesToRemind } from "@booky/domain";
import { notify } from "./notifications.js";
import { readersGoing } from "./schedules.js";

/** How many milestones (or meetings) one sweep looks at; the next minute takes the rest. */
const BATCH = 100;

/** One stop to remind of: read up to `untilPage` of the meeting's book by `dueAt`. */
interface Stop extends Milestone {
  meetingId: string;
  clubId: string;
}

/** Where a stop's reminders are recorded: who has none yet, and writing them (on conflict nothing, returning who). */
interface ReminderLedger {
  notYet: SQL;
  record: (tx: Transaction, userIds: string[]) => Promise<{ userId: string }[]>;
}

/** Each stop in turn (`remindBehind`); how many were reminded. */
async function remindAll<S extends Stop>(db: Database, stops: S[], now: Date, ledgerOf: (stop: S) => ReminderLedger) {
  let reminded = 0;
  for (const stop of stops) reminded += await remindBehind(db, stop, now, ledgerOf(stop));
  return reminded;
}

/**
 * In one transaction: the attendees going not yet reminded of `stop` (`notYet`)
 * who are short of it within the lead (`milestonesToRemind`) get a reminder
 * row (`record`, on conflict nothing, returning who was really written) and
 * only those are notified, so two workers or a second sweep remind no one twice.
 */
async function remindBehind(db: Database, stop: Stop, now: Date, { notYet, record }: ReminderLedger) {
  return db.transaction(async (tx) => {
    const readers = await readersGoing(tx, stop.meetingId, notYet);
    const behind = readers.filter(
      (reader) => milestonesToRemind(reader.page, [stop], now, MILESTONE_REMINDER_LEAD_MS).length > 0,
    );
    if (behind.length === 0) return 0;
    const written = await record(
      tx,
      behind.map((reader) => reader.userId),
    );
    await notify(
      tx,
      written.map((row) => ({
        userId: row.userId,
        kind: "milestone_reminder" as const,
        clubId: stop.clubId,
        meetingId: stop.meetingId,
        data: { untilPage: stop.untilPage, dueOn: stop.dueAt.toISOString().slice(0, 10) },
      })),
    );
    return written.length;
  });
}

const withinLead = (column: typeof readingMilestones.dueAt | typeof meetings.readingDeadline, now: Date) =>
  and(gt(column, now), lte(column, new Date(now.getTime() + MILESTONE_REMINDER_LEAD_MS)));

/**
 * The minute job's part: every attendee going to a meeting under way who is
 * behind a milestone due within a day is told so, once per member and
 * milestone (the `milestone_reminders` primary key).
 */
export async function sendMilestoneReminders(db: Database, now = new Date()) {
  const due = await db
    .select({
      id: readingMilestones.id,
      meetingId: readingMilestones.meetingId,
      clubId: meetings.clubId,
      untilPage: readingMilestones.untilPage,
      dueAt: readingMilestones.dueAt,
    })
    .from(readingMilestones)
    .innerJoin(meetings, eq(meetings.id, readingMilestones.meetingId))
    .where(and(withinLead(readingMilestones.dueAt, now), inArray(meetings.status, ["scheduled", "active"])))
    .orderBy(readingMilestones.dueAt, readingMilestones.id)
    .limit(BATCH);
  return remindAll(db, due, now, (milestone) => ({
    notYet: sql`not exists (select 1 from ${milestoneReminders} r
      where r.milestone_id = ${milestone.id} and r.user_id = ${meetingRsvps.userId})`,
    record: (tx, userIds) =>
      tx
        .insert(milestoneReminders)
        .values(userIds.map((userId) => ({ milestoneId: milestone.id, userId })))
        .onConflictDoNothing()
        .returning({ userId: milestoneReminders.userId }),
  }));
}

/**
 * Before the meeting: a scheduled meeting's end is its last stop. Every
 * attendee going who has not finished the book a day before the reading
 * deadline is told so, once per member and meeting (the `finish_reminders`
 * primary key). Only meetings with a reading schedule: a club that set none
 * reads at its own pace, and the meeting reminder tells everyone of the day.
 */
export async function sendFinishReminders(db: Database, now = new Date()) {
  const due = await db
    .select({
      meetingId: meetings.id,
      clubId: meetings.clubId,
      untilPage: meetings.bookPageCount,
      dueAt: meetings.readingDeadline,
    })
    .from(meetings)
    .where(
      and(
        inArray(meetings.status, ["scheduled", "active"]),
        withinLead(meetings.readingDeadline, now),
        exists(db.select({ one: sql`1` }).from(readingMilestones).where(eq(readingMilestones.meetingId, meetings.id))),
      ),
    )
    .orderBy(meetings.readingDeadline, meetings.id)
    .limit(BATCH);
  return remindAll(db, due, now, (meeting) => ({
    notYet: sql`not exists (select 1 from ${finishReminders} r
      where r.meeting_id = ${meeting.meetingId} and r.user_id = ${meetingRsvps.userId})`,
    record: (tx, userIds) =>
      tx
        .insert(finishReminders)
        .values(userIds.map((userId) => ({ meetingId: meeting.meetingId, userId })))
        .onConflictDoNothing()
        .returning({ userId: finishReminders.userId }),
  }));
}
