import type { Database } from "@booky/db";
import type { CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import type { FastifyBaseLogger } from "fastify";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Config } from "./config.js";
import type { BackgroundTasks } from "./services/background.js";
import type { BookMetadata } from "./services/books/book-metadata.js";
import type { Mailer } from "./services/mailer.js";
import type { Metrics } from "./services/metrics.js";
import type { NotificationHub } from "./services/notification-hub.js";
import type { RateLimits } from "./services/rate-limits.js";
import type { AccessTokens } from "./services/tokens.js";

/** Long-lived collaborators, built once at start-up and shared by every request. */
export interface AppDeps {
  config: Config;
  db: Database;
  accessTokens: AccessTokens;
  mailer: Mailer;
  rateLimits: RateLimits;
  metrics: Metrics;
  background: BackgroundTasks;
  bookMetadata: BookMetadata;
  notificationHub: NotificationHub;
  log: FastifyBaseLogger;
}

function bearerToken(header: string | undefined): string | null {
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() || null : null;
}

function streamTicketOf(params: Record<string, string | undefined> | null | undefined): string | null {
  const ticket = params?.ticket;
  return typeof ticket === "string" && ticket.length > 0 && ticket.length <= 100 ? ticket : null;
}

export function createContextFactory(deps: AppDeps) {
  // Few fields: tRPC copies the context at every middleware level that adds to it (`next({ ctx })`), one property
  // at a time, so the long-lived collaborators travel as one reference (`deps`) and the request's details stay on
  // `req` (`req.ip`, its headers) instead of being copied out for the few procedures that read them.
  return ({ req, res, info }: CreateFastifyContextOptions) => ({
    req,
    res,
    /** The `Authorization: Bearer` token, if any; not yet verified. */
    accessToken: bearerToken(req.headers.authorization),
    /** A live stream's single-use ticket (`connectionParams`, since EventSource sends no headers); not yet redeemed. */
    streamTicket: streamTicketOf(info?.connectionParams),
    db: deps.db,
    /** The request's logger (its lines carry the request id). */
    log: req.log,
    /** Config, mailer, rate limits, metrics, …: built once at start-up. */
    deps,
  });
}

type ContextOfRequest = Awaited<ReturnType<ReturnType<typeof createContextFactory>>>;

/**
 * What a procedure is called with. An interface, so the router's declarations
 * name it instead of spelling it out: the client package's type bundle
 * (packages/client/rollup.types.config.mjs) puts an empty one in its place,
 * since a client never sees the server's context.
 */
export interface Context extends ContextOfRequest {}

/** A procedure's meta (`meta.openapi` puts it on the REST surface); named for the same reason as Context. */
export interface ProcedureMeta extends OpenApiMeta {}
