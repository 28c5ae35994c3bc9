/**
 * All tRPC plumbing, top to bottom: 1. initTRPC with transformer and error
 * formatter, 2. shared middleware, 3. procedure builders.
 */

import {
  API_TOKEN_PREFIX,
  type ApiTokenScope,
  type ClubRoleName,
  clubIdInput,
  hasClubRole,
  meetingIdInput,
  type SiteRole,
} from "@booky/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { OpenApiMeta } from "trpc-to-openapi";
import { flattenError, type z } from "zod";
import type { Context, ProcedureMeta } from "./context.js";
import { mapDatabaseError } from "./database-errors.js";
import { AppError, type AppErrorKind, forbidden, notFound, unauthorized } from "./errors.js";
import { useApiToken } from "./services/api-tokens.js";
import { requireClub, requireClubContent } from "./services/club-access.js";
import { findMeetingWithRole } from "./services/meetings.js";
import { logPrivateClubRead } from "./services/moderation-audit.js";
import { findActiveSessionUser } from "./services/sessions.js";
import { redeemStreamTicket } from "./services/stream-tickets.js";
import { transformer } from "./transformer.js";

// 1. init
// `meta.openapi` puts a procedure on the REST surface (`http/rest-api.ts`, docs/api.md).
const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    // Stack traces travel only in tests; a development server logs them instead.
    isDev: process.env.NODE_ENV === "test",
    errorFormatter({ shape, error, ctx }) {
      const requestId = ctx?.req.id ?? null;
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // Not the caller's fault and none of their business: what failed (SQL, parameters) goes to the log only.
        const { stack: _stack, ...data } = shape.data;
        return {
          ...shape,
          message: `Something went wrong on our side; quote request ${requestId ?? "(no id)"} if it keeps happening`,
          data: { ...data, requestId, zodError: null, retryAfter: null, current: undefined },
        };
      }
      // Input validation (zod) and field errors of Booky's own both carry `issues`: flatten them per field,
      // and say the first problem in words instead of zod's JSON dump.
      const cause = error.cause;
      const issues = (cause as { issues?: unknown } | undefined)?.issues;
      const zodError = Array.isArray(issues) ? flattenError({ issues } as z.ZodError) : null;
      const first = Array.isArray(issues)
        ? (issues[0] as { path?: PropertyKey[]; message?: string } | undefined)
        : null;
      const message =
        error.code === "BAD_REQUEST" && first?.message && !(cause instanceof AppError)
          ? `${first.path?.length ? `${first.path.join(".")}: ` : ""}${first.message}`
          : shape.message;
      const retryAfter = cause instanceof AppError ? (cause.retryAfter ?? null) : null;
      const current = cause instanceof AppError ? cause.current : undefined;
      return { ...shape, message, data: { ...shape.data, zodError, retryAfter, current } };
    },
  });

export const router = t.router;

// 2. middleware
const codeOf: Record<AppErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};

/** Booky's own errors and database constraint violations as typed tRPC errors: the one place they are mapped. */
function toTRPCError(thrown: unknown): TRPCError {
  const raw = thrown instanceof TRPCError ? thrown.cause : thrown;
  const cause = raw instanceof AppError ? raw : mapDatabaseError(raw);
  if (cause) return new TRPCError({ code: codeOf[cause.kind], message: cause.message, cause });
  return thrown instanceof TRPCError ? thrown : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: thrown });
}

type Outcome = { ok: true } | { ok: false; error: TRPCError };

/**
 * Times a call and maps its failure to a typed error. `step` is the rest of
 * the call, or a builder's first check with the rest behind it: tRPC copies
 * the call's options and context at every middleware level, so the checks
 * every signed-in call makes run inside this level instead of below it.
 */
async function observe<T extends Outcome>(
  { ctx, path, type }: { ctx: Context; path: string; type: string },
  step: () => Promise<T>,
): Promise<T> {
  const stop = ctx.deps.metrics.procedureDuration.startTimer({ path, type });
  let result: T;
  try {
    result = await step();
  } catch (thrown) {
    throw failed(ctx, stop, toTRPCError(thrown));
  }
  if (result.ok) {
    stop({ code: "OK" });
    return result;
  }
  const error = failed(ctx, stop, toTRPCError(result.error));
  if (error !== result.error) throw error;
  return result;
}

/** Records a failed call's code and, for a rate limit, tells the caller when to retry. */
function failed(ctx: Context, stop: (labels: { code: string }) => void, error: TRPCError): TRPCError {
  stop({ code: error.code });
  if (error.cause instanceof AppError && error.cause.retryAfter !== undefined) {
    ctx.res.header("retry-after", String(error.cause.retryAfter));
  }
  return error;
}

const observed = t.middleware((opts) => observe(opts, () => opts.next()));

/**
 * Proves the bearer token is live: an access token of a live session (adds
 * `user` and `sessionId`), or a personal access token (adds `user` and
 * `apiToken`, `sessionId` null) holding the scope the procedure needs, within
 * its rate limit. Observed like every call, in the same level.
 */
const authenticated = t.middleware((opts) =>
  observe(opts, async () => {
    const { ctx, meta, type, next } = opts;
    if (ctx.accessToken?.startsWith(API_TOKEN_PREFIX)) {
      const found = await useApiToken(ctx.db, ctx.accessToken);
      if (!found) throw unauthorized("This token is unknown, expired or revoked");
      requireScope(found.apiToken.scopes, type === "query" ? "read" : (meta?.scope as ApiTokenScope | undefined));
      await ctx.deps.rateLimits.consume("apiTokenRequests", found.apiToken.id);
      return next({ ctx: { user: found.user, sessionId: null, apiToken: found.apiToken } });
    }
    const claims = ctx.accessToken ? await ctx.deps.accessTokens.verify(ctx.accessToken) : null;
    const user = claims ? await findActiveSessionUser(ctx.db, claims.sessionId, claims.userId) : null;
    if (!claims || !user) {
      throw unauthorized("Sign in to continue");
    }
    return next({ ctx: { user, sessionId: claims.sessionId as string | null, apiToken: null } });
  }),
);

/** FORBIDDEN naming the scope a token lacks; a change no scope covers needs a signed-in session. */
function requireScope(scopes: ApiTokenScope[], needed: ApiTokenScope | undefined) {
  if (!needed) throw forbidden("Personal access tokens cannot do this: sign in to Booky");
  if (!scopes.includes(needed)) throw forbidden(`This token lacks the "${needed}" scope`);
}

// 3. procedure builders
export const publicProcedure = t.procedure.use(observed);
export const authedProcedure = t.procedure.use(authenticated);
/** Signed-in sessions only (never a personal access token); `sessionId` is the caller's session. */
export const sessionProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.sessionId) throw forbidden("Personal access tokens cannot do this: sign in to Booky");
  return next({ ctx: { sessionId: ctx.sessionId } });
});

/** Site admins only (their role read with the live session, not from the token); others get FORBIDDEN. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw forbidden("Only site admins can do this");
  return next();
});
/**
 * Live streams (SSE subscriptions): EventSource sends no Authorization
 * header, so the caller proves itself with a single-use stream ticket
 * (`notifications.streamTicket`) in `connectionParams`; adds `user` and `sessionId`.
 */
export const streamProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: await redeemStreamTicket(ctx.db, ctx.streamTicket) }),
);

/** A signed-in call's context, as the builders below see it. */
type SignedIn = Context & { user: { id: string; role: SiteRole } };

/** Signed-in calls about one club (`clubId`) or one meeting (`meetingId`): what the builders below start from. */
const clubCall = authedProcedure.input(clubIdInput);
const meetingCall = authedProcedure.input(meetingIdInput);

/**
 * Takes `clubId` and proves the club exists; adds `club` and the caller's
 * `role` (null for outsiders). Private clubs exist for outsiders too (their
 * name and description are public); what they may do is checked per procedure.
 */
export const clubProcedure = clubCall.use(async ({ ctx, input, next }) => {
  const found = await requireClub(ctx.db, input.clubId, ctx.user.id);
  return next({ ctx: { club: found.club, role: found.role } });
});

/**
 * Club content (members, meetings): any public club's; a private club's only
 * to its members and to site admins, who moderate; other callers get FORBIDDEN.
 * Its own level, not one below `clubProcedure`'s (one copy of the context less per call).
 */
export const clubContentProcedure = clubCall.use(async ({ ctx, input, path, type, next }) => {
  const found = await requireClub(ctx.db, input.clubId, ctx.user.id);
  const { club, role } = found;
  requireClubContent(club, role, ctx.user.role, "This club is private: join it to see its members and meetings");
  if (type === "query") await logPrivateClubRead(ctx.db, { user: ctx.user, role, club, path });
  return next({ ctx: { club, role } });
});

/**
 * Members of at least `required` rank only; others get FORBIDDEN. Site admins
 * too: moderating a club is not running it.
 */
export function clubRoleProcedure(required: ClubRoleName) {
  return clubCall.use(async ({ ctx, input, next }) => {
    const found = await requireClub(ctx.db, input.clubId, ctx.user.id);
    return next({ ctx: { club: found.club, role: requireClubRole(found.role, required) } });
  });
}

/** The caller's club role when it is at least `required`; FORBIDDEN otherwise. */
function requireClubRole(role: ClubRoleName | null, required: ClubRoleName): ClubRoleName {
  if (!role || !hasClubRole(role, required)) {
    const who = required === "member" ? "club members" : required === "admin" ? "club admins" : "the club owner";
    throw forbidden(`Only ${who} can do this`);
  }
  return role;
}

/**
 * The meeting, when it exists and the caller may see it (the same rule as
 * `clubContentProcedure`: others get FORBIDDEN), with the caller's role in its club.
 */
async function openMeeting(ctx: SignedIn, meetingId: string, path: string, type: string) {
  const found = await findMeetingWithRole(ctx.db, meetingId, ctx.user.id);
  if (!found) throw notFound("No such meeting");
  requireClubContent(found, found.role, ctx.user.role, "Join this club to see its meetings");
  // Reads only: mutations on a club need a membership, which moderators do not hold by being site admins.
  if (type === "query") {
    const club = { id: found.meeting.clubId, visibility: found.visibility };
    await logPrivateClubRead(ctx.db, { user: ctx.user, role: found.role, club, path });
  }
  return found;
}

/** Takes `meetingId` and opens the meeting (`openMeeting`); adds `meeting` and the caller's `role` in its club. */
export const meetingProcedure = meetingCall.use(async ({ ctx, input, path, type, next }) => {
  const found = await openMeeting(ctx, input.meetingId, path, type);
  return next({ ctx: { meeting: found.meeting, role: found.role } });
});

/** Meeting procedures for club members of at least `required` rank (one level, as `clubContentProcedure`). */
export function meetingRoleProcedure(required: ClubRoleName) {
  return meetingCall.use(async ({ ctx, input, path, type, next }) => {
    const found = await openMeeting(ctx, input.meetingId, path, type);
    return next({ ctx: { meeting: found.meeting, role: requireClubRole(found.role, required) } });
  });
}

// 4. REST
/**
 * Puts a procedure on the REST surface under `/api/v1` (docs/api.md): its
 * method, resource path (path parameters are input fields, e.g. `{clubId}`) and
 * a one-line summary; tagged by the path's first segment. The procedure must
 * also declare its `.output(...)` (a contract of `contracts/`).
 */
export function rest(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: `/${string}`,
  summary: string,
  scope?: ApiTokenScope,
) {
  const tag = path.split("/")[1] ?? "";
  return { openapi: { method, path, summary, tags: [tag] }, ...(scope ? { scope } : {}) } satisfies OpenApiMeta<{
    scope?: ApiTokenScope;
  }>;
}
