import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, defaultDataDir } from "@booky/db";
import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyServerOptions } from "fastify";
import { Redis } from "ioredis";
import type postgres from "postgres";
import type { Config } from "./config.js";
import { type AppDeps, createContextFactory } from "./context.js";
import { registerApiReference } from "./http/api-reference.js";
import { registerCalendarFeed } from "./http/calendar-feed.js";
import { registerOperationalRoutes } from "./http/health.js";
import { registerImportUpload } from "./http/imports-upload.js";
import { registerRestApi } from "./http/rest-api.js";
import { securityHeaders } from "./http/security-headers.js";
import { registerTrpcRoutes } from "./http/trpc-handler.js";
import { registerUnsubscribe } from "./http/unsubscribe.js";
import { registerWebApp } from "./http/web-app.js";
import { type AppRouter, appRouter } from "./router.js";
import { createBackgroundTasks } from "./services/background.js";
import { createBookMetadata } from "./services/books/book-metadata.js";
import { createMailer } from "./services/mailer.js";
import { createMetrics } from "./services/metrics.js";
import { createNotificationHub } from "./services/notification-hub.js";
import { pageMeta } from "./services/page-meta.js";
import { createRateLimits, defaultRateLimits, type RateLimitRules } from "./services/rate-limits.js";
import { createAccessTokens } from "./services/tokens.js";

const defaultWebDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface BuildAppOptions {
  config: Config;
  database: { db: Database; client: postgres.Sql };
  rateLimits?: RateLimitRules;
  logger?: FastifyServerOptions["logger"];
}

export async function buildApp(options: BuildAppOptions) {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5000 },
  });
  // Callback-style (no promise per answer), like every hook on each request's path.
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    done(null, payload);
  });

  // Several servers share their rate limits through Redis; offline queueing off, so an outage fails fast.
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, lazyConnect: true }) : null;
  if (redis) {
    redis.on("error", (error) => app.log.warn({ err: error }, "redis"));
    await redis.connect();
  }
  const metrics = createMetrics({ sql: database.client, poolMax: config.DATABASE_POOL_MAX });
  const deps: AppDeps = {
    config,
    db: database.db,
    accessTokens: createAccessTokens({
      secret: config.JWT_SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    }),
    mailer: createMailer({
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      mailDir: path.join(config.DATA_DIR ?? defaultDataDir, "mail"),
      log: app.log,
    }),
    rateLimits: createRateLimits(
      options.rateLimits ?? defaultRateLimits,
      redis ? { redis, prefix: config.REDIS_KEY_PREFIX } : undefined,
    ),
    metrics,
    background: createBackgroundTasks(app.log),
    bookMetadata: createBookMetadata({ config, db: database.db, registry: metrics.registry, log: app.log }),
    notificationHub: createNotificationHub(database.client, app.log),
    log: app.log,
  };

  // Helmet's headers on every answer, worked out once (they do not depend on the request).
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(fastifyCors, { origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 });
  await app.register(fastifyCookie);

  registerOperationalRoutes(app, deps);
  registerCalendarFeed(app, deps);
  registerImportUpload(app, deps);
  registerUnsubscribe(app, deps);

  const trpcOptions = {
    router: appRouter,
    createContext: createContextFactory(deps),
    maxBatchSize: config.TRPC_MAX_BATCH_SIZE,
    onError({ error, path: procedure, req }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        req.log.error({ err: error.cause ?? error, procedure }, "procedure failed");
      }
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"];
  if (config.TRPC_HANDLER === "native") {
    await app.register(async (scope) => registerTrpcRoutes(scope, "/trpc", trpcOptions));
  } else {
    await app.register(fastifyTRPCPlugin, {
      prefix: "/trpc",
      trpcOptions,
    } satisfies FastifyTRPCPluginOptions<AppRouter>);
  }

  await registerRestApi(app, { router: appRouter, createContext: trpcOptions.createContext });
  await registerApiReference(app);

  await registerWebApp(app, config.WEB_DIST_DIR ?? defaultWebDist, {
    describe: (pathname) => pageMeta(deps.db, pathname),
    publicUrl: config.PUBLIC_URL,
  });

  // Before the server waits for open connections: live streams end, pages reconnect elsewhere.
  app.addHook("preClose", async () => {
    await deps.notificationHub.close();
  });
  app.addHook("onClose", async () => {
    await deps.background.drain();
    deps.mailer.close();
    deps.bookMetadata.close();
    await redis?.quit();
  });
  return app;
}
