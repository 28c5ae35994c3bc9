import { MEETING_STATUSES, RSVP_STATUSES } from "@booky/domain";
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
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
    /** When the members were told it is a day away: stamped with the reminders, so they go once. */
    remindedAt: momentAt("reminded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("meetings_page_count_positive", sql`${t.bookPageCount} between 1 and 100000`),
    check("meetings_place_or_link", sql`${t.place} is not null or ${t.link} is not null`),
    index("meetings_club_starts_idx").on(t.clubId, t.startsAt, t.id),
    index("meetings_status_deadline_idx").on(t.status, t.readingDeadline),
    index("meetings_book_idx").on(t.bookId),
    index("meetings_reminder_due_idx").on(t.startsAt).where(sql`${t.status} = 'scheduled' and ${t.remindedAt} is null`),
    /** The operator dashboard's meetings per week. */
    index("meetings_starts_idx").on(t.startsAt),
  ],
);

/** `standing` of an attendee who has not started: below every page read. See `meeting_rsvps.standing`. */
export const NOT_STARTED_STANDING = 9_000_000_000_000_000;

export const meetingRsvps = pgTable(
  "meeting_rsvps",
  {
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    userId: reference("user_id", () => users.id),
    status: rsvpStatus("status").notNull(),
    attended: boolean("attended"),
    /** Whether the member races: one who reads without racing cannot be bet on, and others see "reading", not the page. */
    racing: boolean("racing").notNull().default(true),
    updatedAt: updatedAt(),
    /**
     * Where the member stands in the meeting's race, as one ascending number kept by triggers on
     * `reading_progress` (migration 0019): a finisher's finish time in microseconds since 1970, else
     * NOT_STARTED_STANDING minus the pages read. So the race board reads one page of an index in the
     * order it shows (finished first by time, then most pages read, then by id), at any meeting size.
     */
    standing: bigint("standing", { mode: "number" }).notNull().default(NOT_STARTED_STANDING),
    /**
     * The race board's order: `standing` for racers, and below every racer (by id) for members reading
     * without racing, so their place on the board does not give their page away.
     */
    boardStanding: bigint("board_standing", { mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`case when racing then standing else ${sql.raw(String(NOT_STARTED_STANDING + 1))} end`),
    /**
     * The points staked on this member as a horse, and by how many bets (the bets in the pool: open,
     * or won and lost once settled; a refunded or cancelled bet is out), kept by a trigger on `bets`
     * (migrations 0036, 0037): the bet pool reads one page of an index in the order it shows (most
     * backed first), at any meeting size.
     */
    backing: integer("backing").notNull().default(0),
    backers: integer("backers").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index("meeting_rsvps_user_idx").on(t.userId),
    index("meeting_rsvps_race_idx").on(t.meetingId, t.standing, t.userId).where(sql`${t.status} = 'going'`),
    index("meeting_rsvps_board_idx").on(t.meetingId, t.boardStanding, t.userId).where(sql`${t.status} = 'going'`),
    index("meeting_rsvps_pool_idx")
      .on(t.meetingId, t.backing, t.userId)
      .where(sql`${t.status} = 'going' and ${t.racing}`),
  ],
);

/**
 * How many answered each way, per meeting, kept by a statement trigger on `meeting_rsvps` (migration
 * 0019): a big meeting's page reads one row instead of counting thousands of answers per call.
 */
export const meetingRsvpCounts = pgTable(
  "meeting_rsvp_counts",
  {
    meetingId: reference("meeting_id", () => meetings.id, "cascade").primaryKey(),
    going: integer("going").notNull().default(0),
    interested: integer("interested").notNull().default(0),
    notGoing: integer("not_going").notNull().default(0),
  },
  (t) => [
    check("meeting_rsvp_counts_non_negative", sql`${t.going} >= 0 and ${t.interested} >= 0 and ${t.notGoing} >= 0`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type RsvpStatus = (typeof rsvpStatus.enumValues)[number];
