import { CONTENT_MODERATION, REPORT_REASONS, REPORT_TARGETS } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { clubs } from "./clubs.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { meetings } from "./meetings.js";

export const reportTarget = pgEnum("report_target", REPORT_TARGETS);
export const reportReason = pgEnum("report_reason", REPORT_REASONS);
/** Hidden pending review (enough reports) or removed by the moderators: the text stays stored, unshown. */
export const contentModeration = pgEnum("content_moderation", CONTENT_MODERATION);

/** Millisecond precision like `createdAt`, so the activity time pages exactly. */
const activityAt = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A thread opens with a post (title and Markdown body) in a club's general
 * discussion (`meeting_id` null) or a meeting's. `body_html` is the sanitized
 * rendering and `excerpt` its plain text, both made when written. `page` is
 * what the spoiler guard checks (meeting threads only). Deleting keeps the
 * row (its comments stay in place) and clears the text.
 */
export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    authorId: reference("author_id", () => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    excerpt: text("excerpt").notNull(),
    page: integer("page"),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    commentCount: integer("comment_count").notNull().default(0),
    lastActivityAt: activityAt("last_activity_at").notNull().defaultNow(),
    editedAt: momentAt("edited_at"),
    deletedAt: momentAt("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
    moderation: contentModeration("moderation"),
    moderationReason: text("moderation_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    check("discussion_threads_page_range", sql`${t.page} between 1 and 100000`),
    check("discussion_threads_page_needs_meeting", sql`${t.page} is null or ${t.meetingId} is not null`),
    index("discussion_threads_club_activity_idx").on(t.clubId, t.meetingId, t.lastActivityAt, t.id),
    index("discussion_threads_meeting_idx").on(t.meetingId),
  ],
);

/**
 * A comment on a thread, or a reply to a top-level comment (one level).
 * `sort_key` orders a thread's comments with each reply right after its
 * parent's earlier replies: a top-level comment's is its time (base 36, fixed
 * width) and id (hex), a reply's is its parent's followed by its own time, so
 * plain lowercase alphanumerics sort alike under any collation.
 */
export const discussionComments = pgTable(
  "discussion_comments",
  {
    id: id(),
    threadId: reference("thread_id", () => discussionThreads.id, "cascade"),
    parentId: uuid("parent_id").references((): AnyPgColumn => discussionComments.id, { onDelete: "cascade" }),
    authorId: reference("author_id", () => users.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    excerpt: text("excerpt").notNull(),
    page: integer("page"),
    sortKey: text("sort_key").notNull(),
    editedAt: momentAt("edited_at"),
    deletedAt: momentAt("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
    moderation: contentModeration("moderation"),
    moderationReason: text("moderation_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    check("discussion_comments_page_range", sql`${t.page} between 1 and 100000`),
    index("discussion_comments_thread_sort_idx").on(t.threadId, t.sortKey, t.id),
    index("discussion_comments_parent_idx").on(t.parentId),
  ],
);

/** When a member last read a thread: it is unread while its activity is later. */
export const discussionReads = pgTable(
  "discussion_reads",
  {
    userId: reference("user_id", () => users.id),
    threadId: reference("thread_id", () => discussionThreads.id, "cascade"),
    readAt: activityAt("read_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

/** A member's report of a thread, comment or member, for the moderators' queue; one per reporter and target. */
export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    reporterId: reference("reporter_id", () => users.id),
    target: reportTarget("target").notNull(),
    threadId: uuid("thread_id").references(() => discussionThreads.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => discussionComments.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    reason: reportReason("reason").notNull(),
    details: text("details").notNull().default(""),
    /**
     * The moderation case this report joined (moderation.ts); its foreign key
     * (discussion_reports_case_fk) is hand-written in the migration, as the
     * two schema files would otherwise import each other.
     */
    caseId: uuid("case_id"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "discussion_reports_one_target",
      sql`(${t.target} = 'thread' and ${t.threadId} is not null and ${t.commentId} is null and ${t.userId} is null)
        or (${t.target} = 'comment' and ${t.commentId} is not null and ${t.userId} is null)
        or (${t.target} = 'member' and ${t.userId} is not null and ${t.threadId} is null and ${t.commentId} is null)`,
    ),
    unique("discussion_reports_once_key")
      .on(t.reporterId, t.target, t.threadId, t.commentId, t.userId)
      .nullsNotDistinct(),
    index("discussion_reports_club_created_idx").on(t.clubId, t.createdAt),
    index("discussion_reports_case_idx").on(t.caseId),
  ],
);

export type DiscussionThread = typeof discussionThreads.$inferSelect;
export type DiscussionComment = typeof discussionComments.$inferSelect;
