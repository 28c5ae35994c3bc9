import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { meetings } from "./meetings.js";

/**
 * A meeting's reading schedule: milestones (read up to `until_page` by
 * `due_at`), in reading order. Setting a schedule replaces them all.
 */
export const readingMilestones = pgTable(
  "reading_milestones",
  {
    id: id(),
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    untilPage: integer("until_page").notNull(),
    dueAt: momentAt("due_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("reading_milestones_page_range", sql`${t.untilPage} between 1 and 100000`),
    unique("reading_milestones_page_key").on(t.meetingId, t.untilPage),
    index("reading_milestones_due_idx").on(t.dueAt),
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

export type ReadingMilestone = typeof readingMilestones.$inferSelect;
