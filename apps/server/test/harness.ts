import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "@booky/db";
import {
  type ClientOptions,
  fileDatabase,
  type MemberDetails,
  newMember,
  rejectionOf as routerRejectionOf,
  createTestClient as routerTestClient,
} from "@booky/testing";
import { afterAll } from "vitest";
import { buildApp } from "../src/app.js";
import { type Env, loadConfig } from "../src/config.js";
import { startJobRunner } from "../src/jobs/runner.js";
import type { AppRouter } from "../src/router.js";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";

export { type ClientOptions, newMember };

/** Generous limits so ordinary tests never trip them; rate-limit tests pass their own. */
const relaxedRateLimits: RateLimitRules = Object.fromEntries(
  Object.keys(defaultRateLimits).map((name) => [name, { points: 10_000, duration: 60 }]),
) as RateLimitRules;

export interface TestServerOptions {
  env?: Partial<Record<keyof Env, string>>;
  rateLimits?: RateLimitRules;
  /** Also run the job queue's workers (settlement, sweeps, leaderboard refreshes), as the server does. */
  jobs?: boolean;
}

/**
 * Booky on a random loopback port over its own fresh database, closed after
 * the file's tests. Call once per test file (at module level or in beforeAll).
 */
export async function startTestServer(options: TestServerOptions = {}) {
  const testDb = await fileDatabase();
  // Mail without SMTP_URL lands in DATA_DIR/mail: keep it out of the developer's .data/.
  const dataDir = await mkdtemp(path.join(tmpdir(), "booky-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: testDb.url,
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-signing",
    COOKIE_SECURE: "false",
    PUBLIC_URL: "http://booky.test",
    WEB_DIST_DIR: "/nonexistent",
    DATA_DIR: dataDir,
    // No test reaches the real Books API; tests of it start a local fake and enable it.
    GOOGLE_BOOKS_ENABLED: "false",
    // The suite runs through either tRPC handler: TRPC_HANDLER=adapter|native (default: the config's).
    ...(process.env.TRPC_HANDLER ? { TRPC_HANDLER: process.env.TRPC_HANDLER } : {}),
    ...options.env,
  });
  const statements = { count: 0 };
  const database = createDatabase(testDb.url, { max: 5, onQuery: () => statements.count++ });
  const app = await buildApp({ config, database, rateLimits: options.rateLimits ?? relaxedRateLimits });
  const jobs = options.jobs
    ? await startJobRunner({ connectionString: testDb.url, db: database.db, log: app.log, config })
    : null;
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  const url = `http://127.0.0.1:${address.port}`;

  const close = async () => {
    await app.close();
    await jobs?.stop();
    await database.close();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  afterAll(close);

  return {
    url,
    app,
    config,
    db: database.db,
    sql: database.client,
    /** The test database's URL, e.g. for a worker process of its own. */
    databaseUrl: testDb.url,
    /** Counts the SQL statements `task` sends (the test runs nothing else meanwhile). */
    statementsDuring: async (task: () => Promise<unknown>) => {
      const before = statements.count;
      await task();
      return statements.count - before;
    },
    /** A new "browser": its own cookie jar and, once signed in, its own bearer token. */
    client: (clientOptions: ClientOptions = {}) => createTestClient(url, clientOptions),
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A real @trpc/client for Booky's router over HTTP, with a cookie jar and a settable access token. */
export const createTestClient = (baseUrl: string, options: ClientOptions = {}) =>
  routerTestClient<AppRouter>(baseUrl, options);

export type TestClient = ReturnType<typeof createTestClient>;

/** Signs a new member up through a fresh client and keeps their access token on it. */
export async function signedUpClient(server: TestServer, overrides: Partial<MemberDetails> = {}) {
  const client = server.client();
  const details = newMember(overrides);
  const session = await client.trpc.auth.signUp.mutate(details);
  client.accessToken = session.accessToken;
  return { client, details, user: session.user };
}

/** The typed tRPC error a call rejected with. */
export const rejectionOf = (promise: Promise<unknown>) => routerRejectionOf<AppRouter>(promise);
