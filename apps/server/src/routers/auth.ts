import {
  changePasswordInput,
  logInInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
} from "@booky/domain";
import type { Context } from "../context.js";
import { unauthorized } from "../errors.js";
import {
  assertSameSiteRequest,
  clearRefreshCookie,
  hasRefreshCookie,
  readRefreshCookie,
  setRefreshCookie,
} from "../http/refresh-cookie.js";
import { changePassword, logIn, logOut, refreshSession, signUp } from "../services/auth.js";
import { requestPasswordReset, resetPassword } from "../services/password-reset.js";
import { revokeUserSessions } from "../services/sessions.js";
import { authedProcedure, publicProcedure, router, sessionProcedure } from "../trpc.js";

/** What opening a session needs from the request: the services, the refresh lifetime, the device. */
const sessionDeps = (ctx: Context) => ({ ...ctx.deps, log: ctx.log, ttlDays: ctx.deps.config.REFRESH_TOKEN_TTL_DAYS });
const device = (ctx: Context) => ({ userAgent: ctx.req.headers["user-agent"] ?? null, ip: ctx.req.ip });

/** A session opened or renewed: the refresh token goes in the cookie, the access token in the body. */
function withRefreshCookie<B>(ctx: Context, session: { refresh: { token: string; expiresAt: Date }; body: B }): B {
  setRefreshCookie(ctx.res, session.refresh.token, session.refresh.expiresAt, ctx.deps.config.COOKIE_SECURE);
  return session.body;
}

const sessionEnded = () => unauthorized("Your session has ended; sign in again");

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const session = await signUp(sessionDeps(ctx), device(ctx), input);
    ctx.log.info({ userId: session.body.user.id }, "account created");
    return withRefreshCookie(ctx, session);
  }),

  logIn: publicProcedure
    .input(logInInput)
    .mutation(async ({ ctx, input }) => withRefreshCookie(ctx, await logIn(sessionDeps(ctx), device(ctx), input))),

  /**
   * Trades the refresh cookie for a new access token. No cookie at all is a
   * visitor, the normal case for a first page load: `null`, not an error (a
   * 401 there would put a failed request in every visitor's console).
   */
  refresh: publicProcedure.mutation(async ({ ctx }) => {
    assertSameSiteRequest(ctx.req, ctx.deps.config.CORS_ORIGINS);
    if (!hasRefreshCookie(ctx.req)) return null;
    const token = readRefreshCookie(ctx.req);
    if (!token) throw sessionEnded();
    const session = await refreshSession(ctx.deps, token);
    if (!session.ok) {
      if (session.reused) ctx.log.warn("refresh token reused: its whole session was revoked");
      clearRefreshCookie(ctx.res, ctx.deps.config.COOKIE_SECURE);
      throw sessionEnded();
    }
    return withRefreshCookie(ctx, session);
  }),

  /** Ends this device's session, found by its refresh cookie or its access token. */
  logOut: publicProcedure.mutation(async ({ ctx }) => {
    assertSameSiteRequest(ctx.req, ctx.deps.config.CORS_ORIGINS);
    await logOut(ctx.deps, { refreshToken: readRefreshCookie(ctx.req), accessToken: ctx.accessToken });
    clearRefreshCookie(ctx.res, ctx.deps.config.COOKIE_SECURE);
    return { ok: true as const };
  }),

  logOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const revokedSessions = await revokeUserSessions(ctx.db, ctx.user.id, "logout_everywhere");
    clearRefreshCookie(ctx.res, ctx.deps.config.COOKIE_SECURE);
    return { revokedSessions };
  }),

  me: authedProcedure.query(({ ctx }) => ctx.user),

  changePassword: sessionProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, { userId: ctx.user.id, sessionId: ctx.sessionId }, input)),

  /** Always answers the same, at once: whether the e-mail exists is never revealed. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.deps, ctx.req.ip, input.email);
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, input.token, input.newPassword);
    return { ok: true as const };
  }),
});
