import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { clubs } from "./clubs.js";
import { createdAt, momentAt, reference, tokenDigest } from "./columns.js";
import { discussionComments, discussionThreads } from "./discussions.js";
import { meetings } from "./meetings.js";

export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const notificationDelivery = pgEnum("notification_delivery", NOTIFICATION_DELIVERIES);
export const notificationEmail = pgEnum("notification_email", ["immediate", "digest", "sent", "skipped"]);

/**
 * The one record of what each member was told. `seq` counts per recipient
 * and is taken under a lock on the recipient's `notification_sequences` row,
 * so a recipient's notifications commit in `seq` order: a reconnecting page
 * that saw up to `seq` n misses nothing by asking for `seq > n`. What the
 * text says is read from the thread or comment when shown, through the
 * spoiler guard. `email` is the mail still owed (immediate or digest) or done.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: reference("user_id", () => users.id),
    seq: integer("seq").notNull(),
    kind: notificationKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    clubId: uuid("club_id").references(() => clubs.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id").references(() => discussionThreads.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => discussionComments.id, { onDelete: "cascade" }),
    /** Kind-specific facts: a decision, a bet's outcome and amount. */
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    email: notificationEmail("email"),
    readAt: momentAt("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_user_seq_key").on(t.userId, t.seq),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_email_due_idx").on(t.email, t.createdAt).where(sql`${t.email} in ('immediate', 'digest')`),
  ],
);

/** The last `seq` given to each recipient. */
export const notificationSequences = pgTable("notification_sequences", {
  userId: reference("user_id", () => users.id).primaryKey(),
  lastSeq: integer("last_seq").notNull().default(0),
});

/** A member's choice per kind; a kind without a row gets the domain's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: reference("user_id", () => users.id),
    kind: notificationKind("kind").notNull(),
    delivery: notificationDelivery("delivery").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * A short-lived, single-use ticket that opens one live notification stream
 * (EventSource cannot send the bearer token). Stored as its digest, bound to
 * the session that asked for it.
 */
export const streamTickets = pgTable(
  "stream_tickets",
  {
    tokenHash: tokenDigest(),
    userId: reference("user_id", () => users.id),
    sessionId: uuid("session_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: momentAt("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("stream_tickets_expires_idx").on(t.expiresAt)],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationEmailState = (typeof notificationEmail.enumValues)[number];
