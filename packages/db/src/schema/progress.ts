import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { meetings } from "./meetings.js";

/** Where each attendee stands; `version` guards every update against lost writes (compare-and-set). */
export const readingProgress = pgTable(
  "reading_progress",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    page: integer("page").notNull(),
    version: integer("version").notNull().default(1),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    check("reading_progress_page_non_negative", sql`${t.page} >= 0`),
    check("reading_progress_version_positive", sql`${t.version} >= 1`),
    index("reading_progress_meeting_finished_idx").on(t.meetingId, t.finishedAt),
    index("reading_progress_user_updated_idx").on(t.userId, t.updatedAt),
  ],
);

/** Every accepted update, so progress can be drawn over time. Append-only. */
export const readingProgressHistory = pgTable(
  "reading_progress_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    page: integer("page").notNull(),
    correction: boolean("correction").notNull().default(false),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reading_progress_history_page_non_negative", sql`${t.page} >= 0`),
    index("reading_progress_history_meeting_recorded_idx").on(t.meetingId, t.recordedAt, t.id),
  ],
);
