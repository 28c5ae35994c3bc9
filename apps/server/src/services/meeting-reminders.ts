import { and, type Database, eq, gt, isNull, lte, meetings, sql } from "@booky/db";
import { isDueForReminder, reminderCutoff } from "@booky/domain";
import { notifyClub } from "./notifications-events.js";

/** How many meetings one sweep reminds of; the next minute takes the rest. */
const BATCH = 100;

/**
 * The minute job's part: each scheduled meeting starting within a day gets
 * its reminder once. The meeting is stamped (a compare-and-set on
 * `reminded_at is null`) in the transaction that notifies its club's
 * members, so two workers, or a sweep that runs again, remind no one twice.
 */
export async function sendMeetingReminders(db: Database, now = new Date()) {
  const candidates = await db
    .select({ id: meetings.id, clubId: meetings.clubId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "scheduled"),
        isNull(meetings.remindedAt),
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, reminderCutoff(now)),
      ),
    )
    .limit(BATCH);
  let reminded = 0;
  for (const meeting of candidates.filter((candidate) => isDueForReminder(candidate, now))) {
    await db.transaction(async (tx) => {
      const stamped = await tx
        .update(meetings)
        .set({ remindedAt: sql`now()` })
        .where(and(eq(meetings.id, meeting.id), eq(meetings.status, "scheduled"), isNull(meetings.remindedAt)))
        .returning({ id: meetings.id });
      if (stamped.length === 0) return;
      await notifyClub(tx, meeting.clubId, { kind: "meeting_reminder", meetingId: meeting.id });
      reminded += 1;
    });
  }
  return reminded;
}
