import { differenceInCalendarDays, formatDistanceStrict } from "date-fns";

/** "in 3 days", "in 5 hours", or "started 2 hours ago" once the time has come. */
export function countdownTo(when: Date, now: Date): string {
  const distance = formatDistanceStrict(when, now, { addSuffix: true });
  return when > now ? distance : `started ${distance}`;
}

/** Days left to read, in words a member acts on. */
export function daysToDeadline(deadline: Date, now: Date): string {
  if (deadline <= now) return "deadline passed";
  const days = differenceInCalendarDays(deadline, now);
  if (days === 0) return "due today";
  return days === 1 ? "1 day left" : `${days} days left`;
}
