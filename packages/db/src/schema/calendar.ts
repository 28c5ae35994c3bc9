import { index, pgTable } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference, tokenDigest } from "./columns.js";

/** A member's private iCalendar feed URL; only a digest of its token is kept, and it can be revoked. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    tokenHash: tokenDigest(),
    createdAt: createdAt(),
    revokedAt: momentAt("revoked_at"),
  },
  (t) => [index("calendar_feeds_user_idx").on(t.userId)],
);
