import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { bookSummary, clubRole, pageOf } from "./shared.js";

const meeting = rowSchemas.meetings.pick({
  id: true,
  clubId: true,
  bookId: true,
  bookPageCount: true,
  startsAt: true,
  readingDeadline: true,
  timeZone: true,
  place: true,
  link: true,
  status: true,
  createdBy: true,
  startedAt: true,
  closedAt: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
});

const rsvp = rowSchemas.meetingRsvps;

export const meetingOutput = meeting.extend({
  book: bookSummary.nullable(),
  myRole: clubRole.nullable(),
  myRsvp: rsvp.pick({ status: true, attended: true, racing: true }).nullable(),
  /** Whether the club bets on its meetings: when not, the meeting has no pool. */
  bettingEnabled: z.boolean(),
  rsvpCounts: z.object({ going: z.int(), interested: z.int(), not_going: z.int() }),
});

export const clubMeetingsOutput = pageOf(meeting.extend({ book: bookSummary }));

export const rsvpOutput = rsvp.pick({
  meetingId: true,
  userId: true,
  status: true,
  attended: true,
  racing: true,
  updatedAt: true,
});
