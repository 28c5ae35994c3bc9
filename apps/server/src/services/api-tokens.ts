import { randomBytes } from "node:crypto";
import { and, apiTokens, type Executor, eq, gt, isNull, or, sql, users } from "@booky/db";
import { API_TOKEN_PREFIX, type ApiTokenScope, type createApiTokenInput } from "@booky/domain";
import type { z } from "zod";
import { notFound } from "../errors.js";
import { accountColumns } from "./accounts.js";
import { definePager, pageRows } from "./pagination.js";
import { hashOpaqueToken } from "./tokens.js";

/** What a member sees of their tokens: never the token, which exists in clear only in `createApiToken`'s answer. */
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** A new token: the answer carries it once; the database keeps its SHA-256 digest only. */
export async function createApiToken(db: Executor, userId: string, input: z.output<typeof createApiTokenInput>) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [saved] = await db
    .insert(apiTokens)
    .values({
      userId,
      name: input.name,
      scopes: input.scopes,
      expiresAt: input.expiresAt,
      tokenHash: hashOpaqueToken(token),
    })
    .returning(tokenColumns);
  if (!saved) throw new Error("token insert returned nothing");
  return { ...saved, token };
}

const tokensPager = definePager({ list: "apiTokens.list", order: "desc", key: "timestamp" });
const tokensSort = { key: apiTokens.createdAt, id: apiTokens.id };

/** The member's tokens, newest first, revoked ones too (with when). */
export async function listApiTokens(db: Executor, userId: string, page: { cursor?: string | null; limit: number }) {
  const query = db.select(tokenColumns).from(apiTokens).$dynamic();
  const rows = await pageRows(query, tokensPager, tokensSort, page, eq(apiTokens.userId, userId));
  return tokensPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/** Revokes one of the member's tokens at once; revoking again keeps the first time. */
export async function revokeApiToken(db: Executor, userId: string, tokenId: string) {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning(tokenColumns);
  if (!revoked) throw notFound("No such token of yours");
  return revoked;
}

/**
 * The live member behind a personal access token (not revoked, not expired,
 * account not deleted) with the token's id and scopes, noting its use; null otherwise.
 */
export async function useApiToken(db: Executor, token: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(apiTokens.tokenHash, hashOpaqueToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.id, apiTokens.userId),
        isNull(users.deletedAt),
      ),
    )
    .returning({ ...accountColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes });
  if (!row) return null;
  const { tokenId, scopes, ...user } = row;
  return { user, apiToken: { id: tokenId, scopes: scopes as ApiTokenScope[] } };
}
