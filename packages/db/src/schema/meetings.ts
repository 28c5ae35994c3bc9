import { MEETING_STATUSES, RSVP_STATUSES } from "@booky/domain";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { books } from "./books.js";
import { clubs } from "./clubs.js";
import { createdAt, id, momentAt, reference, updatedAt } from "./columns.js";

export const meetingStatus = pgEnum("meeting_status", MEETING_STATUSES);
export const rsvpStatus = pgEnum("rsvp_status", RSVP_STATUSES);

/**
 * A club meeting around one catalog book; its reading deadline defaults to its
 * start. `book_page_count` is the edition the club reads (progress counts
 * against it): it defaults to the catalog's page count and must be given when
 * the catalog does not know it.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    bookPageCount: integer("book_page_count").notNull(),
    startsAt: momentAt("starts_at").notNull(),
    readingDeadline: momentAt("reading_deadline").notNull(),
    /** The club's IANA zone when the meeting was scheduled: pages show its clock beside the viewer's; the .ics carries it. */
    timeZone: text("time_zone").notNull().default("UTC"),
    place: text("place"),
    link: text("link"),
    status: meetingStatus("status").notNull().default("scheduled"),
    createdBy: reference("created_by", () => users.id),
    startedAt: momentAt("started_at"),
    closedAt: momentAt("closed_at"),
    cancelledAt: momentAt("cancelled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("meetings_page_count_positive", sql`${t.bookPageCount} between 1 and 100000`),
    check("meetings_place_or_link", sql`${t.place} is not null or ${t.link} is not null`),
    index("meetings_club_starts_idx").on(t.clubId, t.startsAt, t.id),
    index("meetings_status_deadline_idx").on(t.status, t.readingDeadline),
    index("meetings_book_idx").on(t.bookId),
    /** The operator dashboard's meetings per week. */
    index("meetings_starts_idx").on(t.startsAt),
  ],
);

export const meetingRsvps = pgTable(
  "meeting_rsvps",
  {
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    userId: reference("user_id", () => users.id),
    status: rsvpStatus("status").notNull(),
    attended: boolean("attended"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index("meeting_rsvps_user_idx").on(t.userId)],
);

export type Meeting = typeof meetings.$inferSelect;
export type RsvpStatus = (typeof rsvpStatus.enumValues)[number];
