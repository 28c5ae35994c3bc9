import { and, appendLedger, type Database, type Executor, eq, isNull, refreshTokens, sql, users } from "@booky/db";
import { startingGrant } from "@booky/domain";
import type { AppDeps } from "../context.js";
import { fieldError, unauthorized } from "../errors.js";
import { refuseSuspended } from "./account-suspensions.js";
import { accountColumns, findLiveUserByEmail, findPasswordHash } from "./accounts.js";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "./passwords.js";
import {
  findActiveSessionUser,
  openSession,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  type SessionUser,
} from "./sessions.js";
import { hashOpaqueToken } from "./tokens.js";

type AuthDeps = Pick<AppDeps, "db" | "rateLimits" | "accessTokens">;

/** Where a session is opened from, as the sessions list shows it. */
export interface Device {
  userAgent: string | null;
  ip: string;
}

/** A new account with its starting grant of points, and its first session. */
export async function signUp(
  deps: AuthDeps & { ttlDays: number },
  device: Device,
  input: { email: string; username: string; displayName: string; password: string },
) {
  await deps.rateLimits.consume("signUpPerIp", device.ip);
  assertAcceptablePassword(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ ...input, passwordHash, passwordChangedAt: sql`now()` })
      .returning(accountColumns);
    if (!created) throw new Error("user insert returned nothing");
    await appendLedger(tx, [startingGrant(created.id)]);
    return created;
  });
  return startSession(deps, device, user);
}

/** A session for the account these credentials open; UNAUTHORIZED (same answer, same time) otherwise. */
export async function logIn(
  deps: AuthDeps & { ttlDays: number },
  device: Device,
  input: { email: string; password: string },
) {
  await deps.rateLimits.consume("logInPerIp", device.ip);
  await deps.rateLimits.consume("logInPerAccount", input.email);
  const found = await findLiveUserByEmail(deps.db, input.email);
  // Unknown e-mails still pay for one argon2 verification: same time, same answer.
  const valid = await verifyPassword(found?.passwordHash, input.password);
  if (!found || !valid) throw unauthorized("E-mail or password is incorrect");
  await refuseSuspended(deps.db, found.id);
  await deps.rateLimits.reset("logInPerAccount", input.email);
  const { passwordHash: _hash, ...user } = found;
  return startSession(deps, device, user);
}

/** Opens a session for `user`: its refresh token (for the cookie) and an access token. */
async function startSession(
  deps: Omit<AuthDeps, "rateLimits"> & { ttlDays: number },
  device: Device,
  user: SessionUser,
) {
  const session = await openSession(deps.db, { userId: user.id, ...device, ttlDays: deps.ttlDays });
  const access = await deps.accessTokens.sign({ userId: user.id, sessionId: session.sessionId, role: user.role });
  return {
    refresh: { token: session.refreshToken, expiresAt: session.expiresAt },
    body: { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, user },
  };
}

/**
 * Spends a refresh token for its successor and a new access token. Null when
 * the session has ended (`reused` when the token had been spent already: its
 * whole session is revoked).
 */
export async function refreshSession(deps: Pick<AppDeps, "db" | "accessTokens">, token: string) {
  const rotated = await deps.db.transaction((tx) => rotateRefreshToken(tx, token));
  const user = rotated.ok ? await findActiveSessionUser(deps.db, rotated.sessionId, rotated.userId) : null;
  if (!rotated.ok || !user) return { ok: false as const, reused: !rotated.ok && rotated.reason === "reused" };
  const access = await deps.accessTokens.sign({ userId: user.id, sessionId: rotated.sessionId, role: user.role });
  return {
    ok: true as const,
    refresh: { token: rotated.refreshToken, expiresAt: rotated.expiresAt },
    body: { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, user },
  };
}

/** Ends this device's session, found by its refresh token or its access token. */
export async function logOut(
  deps: Pick<AppDeps, "db" | "accessTokens">,
  tokens: { refreshToken: string | null; accessToken: string | null },
) {
  if (tokens.refreshToken) {
    const [row] = await deps.db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashOpaqueToken(tokens.refreshToken)));
    if (row) await revokeSession(deps.db, row.sessionId, "logout");
  }
  const claims = tokens.accessToken ? await deps.accessTokens.verify(tokens.accessToken) : null;
  if (claims) await revokeSession(deps.db, claims.sessionId, "logout");
}

/** A new password, proven by the current one; other devices must sign in again, this one stays. */
export async function changePassword(
  db: Database,
  caller: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
) {
  const current = await findPasswordHash(db, caller.userId);
  if (!(await verifyPassword(current, input.currentPassword))) {
    throw fieldError("currentPassword", "Current password is incorrect");
  }
  assertAcceptablePassword(input.newPassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const revokedSessions = await db.transaction(async (tx) => {
    await setPassword(tx, caller.userId, passwordHash);
    return revokeUserSessions(tx, caller.userId, "password_changed", caller.sessionId);
  });
  return { revokedSessions };
}

/** Stores a new password hash for a live account; false when the account is gone. */
export async function setPassword(db: Executor, userId: string, passwordHash: string): Promise<boolean> {
  const [live] = await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return Boolean(live);
}
