import { and, appendLedger, eq, isNull, refreshTokens, sql, users } from "@booky/db";
import {
  changePasswordInput,
  logInInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  startingGrant,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { fieldError } from "../errors.js";
import {
  assertSameSiteRequest,
  clearRefreshCookie,
  readRefreshCookie,
  setRefreshCookie,
} from "../http/refresh-cookie.js";
import { accountColumns, findLiveUserByEmail, findPasswordHash } from "../services/accounts.js";
import { consumeResetToken, createResetToken, resetPasswordMail } from "../services/password-reset.js";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "../services/passwords.js";
import {
  findActiveSessionUser,
  openSession,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  type SessionUser,
} from "../services/sessions.js";
import { hashOpaqueToken } from "../services/tokens.js";
import { authedProcedure, publicProcedure, router } from "../trpc.js";

/** Opens a session for `user`: refresh token in the cookie, access token in the body. */
async function startSession(ctx: Context, user: SessionUser) {
  const session = await openSession(ctx.db, {
    userId: user.id,
    userAgent: ctx.userAgent,
    ip: ctx.ip,
    ttlDays: ctx.config.REFRESH_TOKEN_TTL_DAYS,
  });
  setRefreshCookie(ctx.res, session.refreshToken, session.expiresAt, ctx.config.COOKIE_SECURE);
  const access = await ctx.accessTokens.sign({ userId: user.id, sessionId: session.sessionId, role: user.role });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, user };
}

const sessionEnded = () => new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended; sign in again" });

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume("signUpPerIp", ctx.ip);
    assertAcceptablePassword(input.password, "password");
    const passwordHash = await hashPassword(input.password);
    const user = await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ ...input, passwordHash, passwordChangedAt: sql`now()` })
        .returning(accountColumns);
      if (!created) throw new Error("user insert returned nothing");
      await appendLedger(tx, [startingGrant(created.id)]);
      return created;
    });
    ctx.log.info({ userId: user.id }, "account created");
    return startSession(ctx, user);
  }),

  logIn: publicProcedure.input(logInInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume("logInPerIp", ctx.ip);
    await ctx.rateLimits.consume("logInPerAccount", input.email);
    const found = await findLiveUserByEmail(ctx.db, input.email);
    // Unknown e-mails still pay for one argon2 verification: same time, same answer.
    const valid = await verifyPassword(found?.passwordHash, input.password);
    if (!found || !valid) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect" });
    }
    await ctx.rateLimits.reset("logInPerAccount", input.email);
    const { passwordHash: _hash, ...user } = found;
    return startSession(ctx, user);
  }),

  refresh: publicProcedure.mutation(async ({ ctx }) => {
    assertSameSiteRequest(ctx.req, ctx.config.CORS_ORIGINS);
    const token = readRefreshCookie(ctx.req);
    if (!token) throw sessionEnded();
    const rotated = await ctx.db.transaction((tx) => rotateRefreshToken(tx, token));
    const user = rotated.ok ? await findActiveSessionUser(ctx.db, rotated.sessionId, rotated.userId) : null;
    if (!rotated.ok || !user) {
      if (!rotated.ok && rotated.reason === "reused") {
        ctx.log.warn("refresh token reused: its whole session was revoked");
      }
      clearRefreshCookie(ctx.res, ctx.config.COOKIE_SECURE);
      throw sessionEnded();
    }
    setRefreshCookie(ctx.res, rotated.refreshToken, rotated.expiresAt, ctx.config.COOKIE_SECURE);
    const access = await ctx.accessTokens.sign({ userId: user.id, sessionId: rotated.sessionId, role: user.role });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, user };
  }),

  /** Ends this device's session, found by its refresh cookie or its access token. */
  logOut: publicProcedure.mutation(async ({ ctx }) => {
    assertSameSiteRequest(ctx.req, ctx.config.CORS_ORIGINS);
    const token = readRefreshCookie(ctx.req);
    if (token) {
      const [row] = await ctx.db
        .select({ sessionId: refreshTokens.sessionId })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, hashOpaqueToken(token)));
      if (row) await revokeSession(ctx.db, row.sessionId, "logout");
    }
    const claims = ctx.accessToken ? await ctx.accessTokens.verify(ctx.accessToken) : null;
    if (claims) await revokeSession(ctx.db, claims.sessionId, "logout");
    clearRefreshCookie(ctx.res, ctx.config.COOKIE_SECURE);
    return { ok: true as const };
  }),

  logOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const revokedSessions = await revokeUserSessions(ctx.db, ctx.user.id, "logout_everywhere");
    clearRefreshCookie(ctx.res, ctx.config.COOKIE_SECURE);
    return { revokedSessions };
  }),

  me: authedProcedure.query(({ ctx }) => ctx.user),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const current = await findPasswordHash(ctx.db, ctx.user.id);
    if (!(await verifyPassword(current, input.currentPassword))) {
      throw fieldError("currentPassword", "Current password is incorrect");
    }
    assertAcceptablePassword(input.newPassword, "newPassword");
    const passwordHash = await hashPassword(input.newPassword);
    const revokedSessions = await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, ctx.user.id));
      // Other devices must sign in again with the new password; this one stays.
      return revokeUserSessions(tx, ctx.user.id, "password_changed", ctx.sessionId);
    });
    return { revokedSessions };
  }),

  /** Always answers the same, at once: whether the e-mail exists is never revealed. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume("resetPerIp", ctx.ip);
    await ctx.rateLimits.consume("resetPerAccount", input.email);
    const { db, config, mailer } = ctx;
    ctx.background.run("password-reset-mail", async () => {
      const user = await findLiveUserByEmail(db, input.email);
      if (!user) return;
      const token = await createResetToken(db, user.id, config.PASSWORD_RESET_TTL_MINUTES);
      const link = new URL("/reset-password", config.PUBLIC_URL);
      link.searchParams.set("token", token);
      await mailer.send(
        resetPasswordMail({
          to: user.email,
          displayName: user.displayName,
          link: link.toString(),
          ttlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
        }),
      );
    });
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    assertAcceptablePassword(input.newPassword, "newPassword");
    const passwordHash = await hashPassword(input.newPassword);
    const userId = await ctx.db.transaction(async (tx) => {
      const owner = await consumeResetToken(tx, input.token);
      if (!owner) return null;
      // A link mailed just before the account was deleted must not revive it.
      const [live] = await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: sql`now()` })
        .where(and(eq(users.id, owner), isNull(users.deletedAt)))
        .returning({ id: users.id });
      if (!live) return null;
      await revokeUserSessions(tx, owner, "password_reset");
      return owner;
    });
    if (!userId) throw fieldError("token", "This reset link is invalid, expired or already used");
    return { ok: true as const };
  }),
});
