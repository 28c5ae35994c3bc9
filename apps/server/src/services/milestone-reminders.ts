import {
  and,
  type Database,
  eq,
  gt,
  inArray,
  lte,
  meetingRsvps,
  meetings,
  milestoneReminders,
  readingMilestones,
  sql,
} from "@booky/db";
import { MILESTONE_REMINDER_LEAD_MS, milestonesToRemind } from "@booky/domain";
import { notify } from "./notifications.js";
import { readersGoing } from "./schedules.js";

/** How many milestones one sweep looks at; the next minute takes the rest. */
const BATCH = 100;

/**
 * The minute job's part: every attendee going to a meeting under way who is
 * behind a milestone due within a day (`milestonesToRemind`) is told so,
 * once per member and milestone: the reminder row (its primary key) is
 * written in the transaction that notifies, and only the rows really written
 * are notified, so two workers or a second sweep remind no one twice.
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
    .where(
      and(
        gt(readingMilestones.dueAt, now),
        lte(readingMilestones.dueAt, new Date(now.getTime() + MILESTONE_REMINDER_LEAD_MS)),
        inArray(meetings.status, ["scheduled", "active"]),
      ),
    )
    .orderBy(readingMilestones.dueAt, readingMilestones.id)
    .limit(BATCH);
  let reminded = 0;
  for (const milestone of due) {
    await db.transaction(async (tx) => {
      const readers = await readersGoing(
        tx,
        milestone.meetingId,
        sql`not exists (select 1 from ${milestoneReminders} r
          where r.milestone_id = ${milestone.id} and r.user_id = ${meetingRsvps.userId})`,
      );
      const behind = readers.filter(
        (reader) => milestonesToRemind(reader.page, [milestone], now, MILESTONE_REMINDER_LEAD_MS).length > 0,
      );
      if (behind.length === 0) return;
      const written = await tx
        .insert(milestoneReminders)
        .values(behind.map((reader) => ({ milestoneId: milestone.id, userId: reader.userId })))
        .onConflictDoNothing()
        .returning({ userId: milestoneReminders.userId });
      await notify(
        tx,
        written.map((row) => ({
          userId: row.userId,
          kind: "milestone_reminder" as const,
          clubId: milestone.clubId,
          meetingId: milestone.meetingId,
          data: { untilPage: milestone.untilPage, dueOn: milestone.dueAt.toISOString().slice(0, 10) },
        })),
      );
      reminded += written.length;
    });
  }
  return reminded;
}
