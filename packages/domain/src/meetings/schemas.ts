import { z } from "zod";
import { clubIdInput } from "../clubs/schemas.js";
import { CHANGE_SOMETHING, changesSomething, text, timestamp } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { RSVP_STATUSES } from "./status.js";

export const meetingIdInput = z.object({ meetingId: z.uuid("Unknown meeting") });

const meetingFields = z.object({
  bookId: z.uuid("Pick a book from the catalog"),
  /** The edition's pages; null takes the catalog's page count (required when the catalog has none). */
  bookPageCount: z.int("Whole pages").min(1, "At least one page").max(100_000).nullable(),
  startsAt: timestamp("Give a start date and time"),
  readingDeadline: timestamp("Give a valid deadline").nullable(),
  place: text().min(2).max(200).nullable(),
  link: z
    .url({ protocol: /^https?$/, error: "The link must be an http(s) URL" })
    .max(2048)
    .nullable(),
});

export const placeOrLink = (value: { place?: string | null; link?: string | null }) =>
  Boolean(value.place || value.link);

export const createMeetingInput = clubIdInput
  .extend({
    ...meetingFields.shape,
    bookPageCount: meetingFields.shape.bookPageCount.default(null),
    readingDeadline: meetingFields.shape.readingDeadline.default(null),
    place: meetingFields.shape.place.default(null),
    link: meetingFields.shape.link.default(null),
  })
  .refine(placeOrLink, { path: ["place"], message: "Give a place or a link" })
  .refine((value) => !value.readingDeadline || value.readingDeadline <= value.startsAt, {
    path: ["readingDeadline"],
    message: "The reading deadline cannot be after the meeting starts",
  });

export const updateMeetingInput = meetingIdInput.extend({
  changes: meetingFields.partial().refine(changesSomething, CHANGE_SOMETHING),
});

export const listForClubInput = clubIdInput.extend({
  ...pageInput.shape,
  when: z.enum(["upcoming", "past"]).default("upcoming"),
});

export const rsvpInput = meetingIdInput.extend({
  status: z.enum(RSVP_STATUSES),
  /** Going and racing (the default), or `false` to read without racing; left as it was when omitted. */
  racing: z.boolean().optional(),
});

export const recordAttendanceInput = meetingIdInput.extend({
  attendance: z
    .array(z.object({ userId: z.uuid(), attended: z.boolean() }))
    .min(1, "Mark at least one member")
    .max(500),
});

export const myCalendarInput = z
  .object({ from: timestamp(), to: timestamp(), ...pageInput.shape })
  .refine((value) => value.to > value.from, { path: ["to"], message: "The range must end after it starts" })
  .refine((value) => value.to.getTime() - value.from.getTime() <= 400 * 86_400_000, {
    path: ["to"],
    message: "Ask for at most about a year at a time",
  });

/** A meeting cannot be scheduled in the past (a minute's grace for clock skew). */
export function isInFuture(date: Date, now: Date): boolean {
  return date.getTime() > now.getTime() - 60_000;
}
