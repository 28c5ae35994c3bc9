/** Members are reminded of a meeting this long before it starts. */
export const MEETING_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** Whether a scheduled meeting not yet reminded of is due its reminder at `now` (within a day, not started). */
export function isDueForReminder(meeting: { startsAt: Date }, now: Date): boolean {
  const left = meeting.startsAt.getTime() - now.getTime();
  return left > 0 && left <= MEETING_REMINDER_LEAD_MS;
}

/** The latest start a meeting may have to be reminded of at `now`: the sweep's SQL bound. */
export function reminderCutoff(now: Date): Date {
  return new Date(now.getTime() + MEETING_REMINDER_LEAD_MS);
}
