import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { discussionThreads } from "./discussions.js";
import { meetings } from "./meetings.js";

/**
 * A meeting's reading schedule: milestones (read up to `until_page` by
 * `due_at`), in reading order. Setting a schedule replaces them all; a
 * milestone's discussion thread (`thread_id`, its spoiler page the milestone's
 * end) passes to the new milestone ending on the same page.
 */
export const readingMilestones = pgTable(
  "reading_milestones",
  {
    id: id(),
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    untilPage: integer("until_page").notNull(),
    dueAt: momentAt("due_at").notNull(),
    threadId: uuid("thread_id").references(() => discussionThreads.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("reading_milestones_page_range", sql`${t.untilPage} between 1 and 100000`),
    unique("reading_milestones_page_key").on(t.meetingId, t.untilPage),
    index("reading_milestones_due_idx").on(t.dueAt),
    unique("reading_milestones_thread_key").on(t.threadId),
  ],
);

/**
 * A reminder sent to a member behind a milestone: the primary key makes it
 * once per member and milestone, whichever worker or sweep gets there first.
 */
export const milestoneReminders = pgTable(
  "milestone_reminders",
  {
    milestoneId: reference("milestone_id", () => readingMilestones.id, "cascade"),
    userId: reference("user_id", () => users.id, "cascade"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.userId] })],
);

/**
 * The meeting's own end as the schedule's last stop: an attendee going who
 * has not finished the book a day before the reading deadline is reminded,
 * once per member and meeting (the primary key, as for milestones).
 */
export const finishReminders = pgTable(
  "finish_reminders",
  {
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    userId: reference("user_id", () => users.id, "cascade"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/**
 * A date poll: the times a club admin offers for a scheduled meeting (one poll
 * per meeting). Marks lock this row FOR SHARE and the pick updates it (where
 * `picked_at is null`), so a mark either lands before the pick or is refused.
 */
export const meetingDatePolls = pgTable("meeting_date_polls", {
  meetingId: reference("meeting_id", () => meetings.id, "cascade").primaryKey(),
  createdBy: reference("created_by", () => users.id),
  pickedOptionId: uuid("picked_option_id"),
  pickedAt: momentAt("picked_at"),
  createdAt: createdAt(),
});

/** One time offered in a meeting's date poll. */
export const meetingTimeOptions = pgTable(
  "meeting_time_options",
  {
    id: id(),
    meetingId: reference("meeting_id", () => meetingDatePolls.meetingId, "cascade"),
    startsAt: momentAt("starts_at").notNull(),
  },
  (t) => [unique("meeting_time_options_time_key").on(t.meetingId, t.startsAt)],
);

/** A member's "this time suits me": one row per member and time, replaced as a set until the pick. */
export const meetingTimeMarks = pgTable(
  "meeting_time_marks",
  {
    optionId: reference("option_id", () => meetingTimeOptions.id, "cascade"),
    userId: reference("user_id", () => users.id, "cascade"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.optionId, t.userId] }), index("meeting_time_marks_user_idx").on(t.userId)],
);

export type ReadingMilestone = typeof readingMilestones.$inferSelect;
