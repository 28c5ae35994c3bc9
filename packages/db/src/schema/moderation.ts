import { AUDIT_KINDS, CASE_ACTIONS, CASE_STATUSES, SUSPENSION_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { clubs } from "./clubs.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { constraint } from "./constraints.js";
import { discussionComments, discussionThreads, reportTarget } from "./discussions.js";

export const caseStatus = pgEnum("moderation_case_status", CASE_STATUSES);
export const caseAction = pgEnum("moderation_action", CASE_ACTIONS);
export const auditKind = pgEnum("audit_kind", AUDIT_KINDS);
export const suspensionKind = pgEnum("suspension_kind", SUSPENSION_KINDS);

/** Millisecond precision, so the queue's order key pages exactly. */
const reportedAt = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The reports of one target (a thread, a comment, or a member of a club),
 * gathered until a moderator resolves them. `target_key` names the target
 * ("comment:<id>", "member:<club>:<user>"); at most one case per target is
 * open, so reports of it land together and `reporter_count` counts distinct
 * reporters (one report each). `subject_id` is whom an action falls on: the
 * text's author or the member reported. Resolving is one compare-and-set on
 * `status = 'open'`: of two moderators acting at once, one wins.
 */
export const moderationCases = pgTable(
  "moderation_cases",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    target: reportTarget("target").notNull(),
    targetKey: text("target_key").notNull(),
    threadId: uuid("thread_id").references(() => discussionThreads.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => discussionComments.id, { onDelete: "cascade" }),
    subjectId: reference("subject_id", () => users.id),
    status: caseStatus("status").notNull().default("open"),
    reporterCount: integer("reporter_count").notNull().default(0),
    lastReportedAt: reportedAt("last_reported_at").notNull().defaultNow(),
    hiddenAt: momentAt("hidden_at"),
    resolvedAt: momentAt("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolution: caseAction("resolution"),
    resolutionReason: text("resolution_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex(constraint.moderationCasesOneOpen).on(t.targetKey).where(sql`${t.status} = 'open'`),
    index("moderation_cases_club_queue_idx").on(t.clubId, t.status, t.lastReportedAt, t.id),
    index("moderation_cases_queue_idx").on(t.status, t.lastReportedAt, t.id),
    index("moderation_cases_subject_idx").on(t.subjectId),
    // The operator dashboard's cases resolved lately.
    index("moderation_cases_resolved_idx").on(t.resolvedAt).where(sql`${t.status} = 'resolved'`),
  ],
);

/** A member muted in a club until `ends_at`: they read, but cannot post there. */
export const clubMutes = pgTable(
  "club_mutes",
  {
    clubId: reference("club_id", () => clubs.id, "cascade"),
    userId: reference("user_id", () => users.id),
    endsAt: momentAt("ends_at").notNull(),
    reason: text("reason").notNull(),
    mutedBy: reference("muted_by", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.userId] })],
);

/**
 * An account's suspension (until `ends_at`) or ban (`ends_at` null), one per
 * account; lifting it deletes the row (the audit log keeps the history).
 * Every authenticated call checks it along with the session.
 */
export const accountSuspensions = pgTable("account_suspensions", {
  userId: reference("user_id", () => users.id).primaryKey(),
  kind: suspensionKind("kind").notNull(),
  reason: text("reason").notNull(),
  endsAt: momentAt("ends_at"),
  suspendedBy: reference("suspended_by", () => users.id),
  createdAt: createdAt(),
});

/**
 * Every moderator and admin action, appended and never changed: triggers in
 * the migration refuse UPDATE, DELETE and TRUNCATE (as on the points ledger).
 * The club, thread and comment ids are plain values, not foreign keys, so
 * nothing cascading from elsewhere can delete an entry. `actor_id` null: Booky
 * itself (an automatic hide).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id),
    kind: auditKind("kind").notNull(),
    clubId: uuid("club_id"),
    targetUserId: uuid("target_user_id").references(() => users.id),
    threadId: uuid("thread_id"),
    commentId: uuid("comment_id"),
    caseId: uuid("case_id"),
    reason: text("reason").notNull().default(""),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_club_idx").on(t.clubId, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_target_user_idx").on(t.targetUserId, t.id),
    index("audit_log_kind_idx").on(t.kind, t.id),
    index("audit_log_case_idx").on(t.caseId, t.id),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

export type ModerationCase = typeof moderationCases.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
