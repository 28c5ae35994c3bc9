/**
 * What moderators do. Club admins act on their club's reports; site admins on
 * everything, and they alone suspend and ban accounts.
 */
export const CASE_ACTIONS = [
  "dismiss",
  "remove_content",
  "warn",
  "mute",
  "remove_from_club",
  "suspend",
  "ban",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The actions only a site admin may take. */
export const SITE_ADMIN_ACTIONS: readonly CaseAction[] = ["suspend", "ban"];

/** Every kind of entry in the audit log (adding one means a migration: the enum derives from this list). */
export const AUDIT_KINDS = [
  ...CASE_ACTIONS,
  "auto_hide",
  "restore_content",
  "unmute",
  "restore_account",
  "set_site_role",
  "archive_club",
  "restore_club",
  "read_private_club",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** A moderation case gathers the reports of one target until a moderator resolves it. */
export const CASE_STATUSES = ["open", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What an account's standing can be: suspended until a date, or banned (no end). */
export const SUSPENSION_KINDS = ["suspended", "banned"] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

/** How moderated content shows: hidden pending review (auto-hide), or removed by the moderators. */
export const CONTENT_MODERATION = ["hidden", "removed"] as const;
export type ContentModeration = (typeof CONTENT_MODERATION)[number];

/** Reports from this many distinct members hide a text until a moderator looks (MODERATION_AUTO_HIDE_REPORTS). */
export const DEFAULT_AUTO_HIDE_REPORTS = 3;

/** The longest mute or suspension, in days (a longer one is a ban). */
export const SANCTION_DAYS_MAX = 3650;
