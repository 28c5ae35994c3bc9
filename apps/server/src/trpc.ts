/**
 * All tRPC plumbing, top to bottom: 1. initTRPC with transformer and error
 * formatter, 2. shared middleware, 3. procedure builders.
 */

import { type ClubRoleName, canSeeClubContent, clubIdInput, hasClubRole, meetingIdInput } from "@booky/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { flattenError, type z } from "zod";
import type { Context } from "./context.js";
import { mapDatabaseError, StaleState } from "./errors.js";
import { findClubWithRole } from "./services/clubs.js";
import { findMeetingWithRole } from "./services/meetings.js";
import { findActiveSessionUser } from "./services/sessions.js";

// 1. init
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: process.env.NODE_ENV !== "production",
  errorFormatter({ shape, error }) {
    // Input validation (zod) and FieldIssues both carry `issues`: flatten them per field,
    // and say the first problem in words instead of zod's JSON dump.
    const issues = (error.cause as { issues?: unknown } | undefined)?.issues;
    const zodError = Array.isArray(issues) ? flattenError({ issues } as z.ZodError) : null;
    const first = Array.isArray(issues) ? (issues[0] as { path?: PropertyKey[]; message?: string } | undefined) : null;
    const message =
      error.code === "BAD_REQUEST" && first?.message && error.cause?.name !== "FieldIssues"
        ? `${first.path?.length ? `${first.path.join(".")}: ` : ""}${first.message}`
        : shape.message;
    const retryAfter =
      error.code === "TOO_MANY_REQUESTS" && error.cause && "retryAfter" in error.cause
        ? Number(error.cause.retryAfter)
        : null;
    const current = error.cause instanceof StaleState ? error.cause.current : undefined;
    return { ...shape, message, data: { ...shape.data, zodError, retryAfter, current } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 2. middleware
/** Times every call and maps database constraint violations to typed errors, in one place. */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const stop = ctx.metrics.procedureDuration.startTimer({ path, type });
  const result = await next();
  if (result.ok) {
    stop({ code: "OK" });
    return result;
  }
  const mapped = mapDatabaseError(result.error.cause);
  const error = mapped ?? result.error;
  stop({ code: error.code });
  if (error.code === "TOO_MANY_REQUESTS" && error.cause && "retryAfter" in error.cause) {
    ctx.res.header("retry-after", String(error.cause.retryAfter));
  }
  if (mapped) throw mapped;
  return result;
});

/** Proves the bearer token and its session are live; adds `user` and `sessionId`. */
const authenticated = t.middleware(async ({ ctx, next }) => {
  const claims = ctx.accessToken ? await ctx.accessTokens.verify(ctx.accessToken) : null;
  const user = claims ? await findActiveSessionUser(ctx.db, claims.sessionId, claims.userId) : null;
  if (!claims || !user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  }
  return next({ ctx: { user, sessionId: claims.sessionId } });
});

// 3. procedure builders
export const publicProcedure = t.procedure.use(observed);
export const authedProcedure = publicProcedure.use(authenticated);
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only site admins can do this" });
  }
  return next();
});

/**
 * Takes `clubId` and proves the club exists; adds `club` and the caller's
 * `role` (null for outsiders). Private clubs exist for outsiders too (their
 * name and description are public); what they may do is checked per procedure.
 */
export const clubProcedure = authedProcedure.input(clubIdInput).use(async ({ ctx, input, next }) => {
  const found = await findClubWithRole(ctx.db, input.clubId, ctx.user.id);
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "No such club" });
  return next({ ctx: { club: found.club, role: found.role } });
});

/**
 * Club content (members, meetings): any public club's; a private club's only
 * to its members and to site admins, who moderate; other callers get FORBIDDEN.
 */
export const clubContentProcedure = clubProcedure.use(({ ctx, next }) => {
  if (!canSeeClubContent(ctx.club.visibility, ctx.role, ctx.user.role)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "This club is private: join it to see its members and meetings",
    });
  }
  return next();
});

/**
 * Members of at least `required` rank only; others get FORBIDDEN. Site admins
 * too: moderating a club is not running it.
 */
export function clubRoleProcedure(required: ClubRoleName) {
  return clubProcedure.use(({ ctx, next }) => next({ ctx: { role: requireClubRole(ctx.role, required) } }));
}

/** The caller's club role when it is at least `required`; FORBIDDEN otherwise. */
function requireClubRole(role: ClubRoleName | null, required: ClubRoleName): ClubRoleName {
  if (!role || !hasClubRole(role, required)) {
    const who = required === "member" ? "club members" : required === "admin" ? "club admins" : "the club owner";
    throw new TRPCError({ code: "FORBIDDEN", message: `Only ${who} can do this` });
  }
  return role;
}

/**
 * Takes `meetingId`; proves the meeting exists and that the caller may see it
 * (the same rule as `clubContentProcedure`: others get FORBIDDEN). Adds
 * `meeting` and the caller's `role` in its club.
 */
export const meetingProcedure = authedProcedure.input(meetingIdInput).use(async ({ ctx, input, next }) => {
  const found = await findMeetingWithRole(ctx.db, input.meetingId, ctx.user.id);
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "No such meeting" });
  if (!canSeeClubContent(found.visibility, found.role, ctx.user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Join this club to see its meetings" });
  }
  return next({ ctx: { meeting: found.meeting, role: found.role } });
});

/** Meeting procedures for club members of at least `required` rank. */
export function meetingRoleProcedure(required: ClubRoleName) {
  return meetingProcedure.use(({ ctx, next }) => next({ ctx: { role: requireClubRole(ctx.role, required) } }));
}
