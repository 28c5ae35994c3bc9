import type { AuditKind, CaseAction, REPORT_REASONS } from "@booky/domain";

export const actionLabels: Record<CaseAction, string> = {
  dismiss: "Dismiss the reports",
  remove_content: "Remove the content",
  warn: "Warn the author",
  mute: "Mute the author in the club",
  remove_from_club: "Remove the author from the club",
  suspend: "Suspend the account",
  ban: "Ban the account",
};

export const auditKindLabels: Record<AuditKind, string> = {
  dismiss: "Dismissed",
  remove_content: "Removed content",
  warn: "Warned",
  mute: "Muted",
  remove_from_club: "Removed from the club",
  suspend: "Suspended",
  ban: "Banned",
  auto_hide: "Hidden automatically",
  restore_content: "Restored content",
  unmute: "Unmuted",
  restore_account: "Restored the account",
  set_site_role: "Changed the site role",
  archive_club: "Archived a club",
  restore_club: "Restored a club",
  read_private_club: "Read a private club",
};

export const reasonLabels: Record<(typeof REPORT_REASONS)[number], string> = {
  spoiler: "An untagged spoiler",
  harassment: "Harassment",
  spam: "Spam",
  off_topic: "Off topic",
  other: "Something else",
};
