import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { momentAt, reference } from "./columns.js";
import { meetings } from "./meetings.js";

/** Where each attendee stands; `version` guards every update against lost writes (compare-and-set). */
export const readingProgress = pgTable(
  "reading_progress",
  {
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    userId: reference("user_id", () => users.id),
    page: integer("page").notNull(),
    version: integer("version").notNull().default(1),
    finishedAt: momentAt("finished_at"),
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
    meetingId: reference("meeting_id", () => meetings.id, "cascade"),
    userId: reference("user_id", () => users.id),
    page: integer("page").notNull(),
    correction: boolean("correction").notNull().default(false),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reading_progress_history_page_non_negative", sql`${t.page} >= 0`),
    index("reading_progress_history_meeting_recorded_idx").on(t.meetingId, t.recordedAt, t.id),
  ],
);
