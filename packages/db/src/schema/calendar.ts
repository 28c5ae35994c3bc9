import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { bytea, createdAt, id } from "./columns.js";

/** A member's private iCalendar feed URL; only a digest of its token is kept, and it can be revoked. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: bytea("token_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("calendar_feeds_user_idx").on(t.userId)],
);
