import { z } from "zod";
import { isInFuture, meetingIdInput } from "../meetings/schemas.js";
import { timestamp } from "../shared/inputs.js";

export const DATE_POLL_TIMES_MAX = 10;

/** A club admin offers two to ten times for a meeting; each at most once. */
export const openDatePollInput = meetingIdInput.extend({
  times: z
    .array(timestamp("Give a date and time"))
    .min(2, "Offer at least two times")
    .max(DATE_POLL_TIMES_MAX, `At most ${DATE_POLL_TIMES_MAX} times`)
    .refine((times) => new Set(times.map((time) => time.getTime())).size === times.length, "Each time once"),
});

/** The times that suit the caller (replacing what they marked before); none is allowed. */
export const markDatesInput = meetingIdInput.extend({
  optionIds: z
    .array(z.uuid("Unknown time"))
    .max(DATE_POLL_TIMES_MAX)
    .refine((ids) => new Set(ids).size === ids.length, "Each time once"),
});

export const pickDateInput = meetingIdInput.extend({ optionId: z.uuid("Unknown time") });

/** What may not be offered at `now`: a time already past. Null when every time is ahead. */
export function datePollProblem(times: readonly Date[], now: Date): string | null {
  return times.every((time) => isInFuture(time, now)) ? null : "Every time must be in the future";
}

/**
 * The reading deadline once the meeting moves to `startsAt`: it follows the
 * start when it was the start (the default), stays when it still falls before
 * the new start, else moves up to the new start.
 */
export function deadlineAfterMove(meeting: { startsAt: Date; readingDeadline: Date }, startsAt: Date): Date {
  if (meeting.readingDeadline.getTime() === meeting.startsAt.getTime()) return startsAt;
  return meeting.readingDeadline <= startsAt ? meeting.readingDeadline : startsAt;
}
