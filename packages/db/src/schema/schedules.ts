import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, unique } from "drizzle-orm/pg-core";
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

export type ReadingMilestone = typeof readingMilestones.$inferSelect;
