import { API_TOKEN_SCOPES } from "@booky/domain";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference, tokenDigest } from "./columns.js";

export const apiTokenScope = pgEnum("api_token_scope", API_TOKEN_SCOPES);

/** Personal access tokens for scripts and apps: shown once, stored as a SHA-256 digest, revocable. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    name: text("name").notNull(),
    scopes: apiTokenScope("scopes").array().notNull(),
    tokenHash: tokenDigest(),
    createdAt: createdAt(),
    expiresAt: momentAt("expires_at"),
    lastUsedAt: momentAt("last_used_at"),
    revokedAt: momentAt("revoked_at"),
  },
  (t) => [
    check("api_tokens_some_scope", sql`cardinality(${t.scopes}) >= 1`),
    index("api_tokens_user_created_idx").on(t.userId, t.createdAt, t.id),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
