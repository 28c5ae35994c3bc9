import { SITE_ROLES } from "@booky/domain";
import { sql } from "drizzle-orm";
import { check, index, inet, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, momentAt, reference, tokenDigest, updatedAt } from "./columns.js";
import { constraint } from "./constraints.js";

export const userRole = pgEnum("user_role", SITE_ROLES);

/**
 * A deleted account keeps its row (other domains point at it) but loses every
 * personal field: see `anonymizeUser` in the accounts service.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    bio: text("bio").notNull().default(""),
    avatarUrl: text("avatar_url"),
    role: userRole("role").notNull().default("user"),
    passwordHash: text("password_hash"),
    passwordChangedAt: momentAt("password_changed_at"),
    deletedAt: momentAt("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex(constraint.usersEmailLower).on(sql`lower(${t.email})`),
    uniqueIndex(constraint.usersUsernameLower).on(sql`lower(${t.username})`),
    check("users_live_has_password", sql`${t.deletedAt} is not null or ${t.passwordHash} is not null`),
    /** The operator dashboard's new members per week. */
    index("users_created_at_idx").on(t.createdAt),
  ],
);

/** A refresh-token family: one per log-in, revoked as a whole on log-out or token reuse. */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    userAgent: text("user_agent"),
    ip: inet("ip"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: momentAt("expires_at").notNull(),
    revokedAt: momentAt("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  /** `last_used_at`: the operator dashboard's active members (7 and 30 days). */
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_last_used_idx").on(t.lastUsedAt, t.userId)],
);

/** Opaque refresh tokens, stored as SHA-256 digests; each is used once, then rotated. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    sessionId: reference("session_id", () => sessions.id, "cascade"),
    tokenHash: tokenDigest(),
    createdAt: createdAt(),
    usedAt: momentAt("used_at"),
  },
  (t) => [index("refresh_tokens_session_id_idx").on(t.sessionId)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    tokenHash: tokenDigest(),
    createdAt: createdAt(),
    expiresAt: momentAt("expires_at").notNull(),
    usedAt: momentAt("used_at"),
  },
  (t) => [index("password_reset_tokens_user_id_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
