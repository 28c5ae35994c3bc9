import {
  accountSuspensions,
  and,
  type Executor,
  eq,
  gt,
  isNull,
  ne,
  or,
  preparedQuery,
  refreshTokens,
  sessions,
  sql,
  users,
} from "@booky/db";
import { accountColumns } from "./accounts.js";
import { endLiveStreams } from "./notifications-live.js";
import { hashOpaqueToken, newOpaqueToken } from "./tokens.js";

export type RevokeReason =
  | "logout"
  | "logout_everywhere"
  | "reuse"
  | "password_changed"
  | "password_reset"
  | "deleted"
  | "suspended";

export interface NewSession {
  userId: string;
  userAgent: string | null;
  ip: string | null;
  ttlDays: number;
}

/** Opens a refresh-token family and returns its first token. */
export async function openSession(db: Executor, input: NewSession) {
  const [session] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      ip: input.ip,
      expiresAt: sql`now() + make_interval(days => ${input.ttlDays})`,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  if (!session) throw new Error("session insert returned nothing");
  const { token, hash } = newOpaqueToken();
  await db.insert(refreshTokens).values({ sessionId: session.id, tokenHash: hash });
  return { sessionId: session.id, refreshToken: token, expiresAt: session.expiresAt };
}

export type RotateResult =
  | { ok: true; userId: string; sessionId: string; refreshToken: string; expiresAt: Date }
  | { ok: false; reason: "unknown" | "reused" | "inactive" };

/**
 * Spends a refresh token and issues its successor. The spend is one
 * compare-and-set, so of two racing uses exactly one wins; presenting a spent
 * token again means it leaked, and the whole family is revoked.
 * Returns instead of throwing so the revocation commits.
 */
export async function rotateRefreshToken(db: Executor, token: string): Promise<RotateResult> {
  const hash = hashOpaqueToken(token);
  const [spent] = await db
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.usedAt)))
    .returning({ sessionId: refreshTokens.sessionId });

  if (!spent) {
    const [known] = await db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hash));
    if (!known) return { ok: false, reason: "unknown" };
    await revokeSession(db, known.sessionId, "reuse");
    return { ok: false, reason: "reused" };
  }

  const [session] = await db
    .update(sessions)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(sessions.id, spent.sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .returning({ userId: sessions.userId, expiresAt: sessions.expiresAt });
  if (!session) return { ok: false, reason: "inactive" };

  const { token: next, hash: nextHash } = newOpaqueToken();
  await db.insert(refreshTokens).values({ sessionId: spent.sessionId, tokenHash: nextHash });
  return {
    ok: true,
    userId: session.userId,
    sessionId: spent.sessionId,
    refreshToken: next,
    expiresAt: session.expiresAt,
  };
}

/** Revokes one session; its open live streams end (on every server) once this commits. */
export async function revokeSession(db: Executor, sessionId: string, reason: RevokeReason): Promise<void> {
  const [revoked] = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId });
  if (revoked) await endLiveStreams(db, revoked.userId);
}

export async function revokeUserSessions(
  db: Executor,
  userId: string,
  reason: RevokeReason,
  keepSessionId?: string,
): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  if (revoked.length > 0) await endLiveStreams(db, userId);
  return revoked.length;
}

/**
 * The session's user when the session is live and the account is not
 * suspended or banned: indexed joins by primary key, once per authenticated call.
 */
export async function findActiveSessionUser(db: Executor, sessionId: string, userId: string) {
  const [row] = await activeSessionUser(db, { sessionId, userId });
  return row ?? null;
}

const activeSessionUser = preparedQuery("active_session_user", (db) =>
  db
    .select(accountColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(accountSuspensions, eq(accountSuspensions.userId, users.id))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.deletedAt),
        or(isNull(accountSuspensions.userId), sql`${accountSuspensions.endsAt} <= now()`),
      ),
    ),
);

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findActiveSessionUser>>>;
