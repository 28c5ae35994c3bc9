import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "@booky/db";
import { createTestDatabase } from "@booky/db/testing";
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterAll, inject } from "vitest";
import { buildApp } from "../src/app.js";
import { type Env, loadConfig } from "../src/config.js";
import { startJobRunner } from "../src/jobs/runner.js";
import type { AppRouter } from "../src/router.js";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";

/** Provided once per run by global-setup.ts. */
declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

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
  const testDb = await createTestDatabase(inject("adminDatabaseUrl"), inject("templateDatabase"));
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
    ? await startJobRunner({ connectionString: testDb.url, db: database.db, log: app.log })
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

export interface ClientOptions {
  /** Extra headers on every request, e.g. a foreign Origin. */
  headers?: Record<string, string>;
  /** Use httpLink (one request per call) instead of httpBatchLink. */
  unbatched?: boolean;
}

/** A real @trpc/client over HTTP, with a cookie jar and a settable access token. */
export function createTestClient(baseUrl: string, options: ClientOptions = {}) {
  const cookies = new Map<string, string>();
  const state = { accessToken: null as string | null };

  const fetchWithCookies: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) {
      headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some(
        (attribute) =>
          /^\s*max-age=0\s*$/i.test(attribute) ||
          (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split("=")[1] ?? "") < Date.now()),
      );
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };

  const linkOptions = {
    url: `${baseUrl}/trpc`,
    transformer: superjson,
    fetch: fetchWithCookies,
    headers: () => ({
      ...options.headers,
      ...(state.accessToken ? { authorization: `Bearer ${state.accessToken}` } : {}),
    }),
  };
  const trpc = createTRPCClient<AppRouter>({
    links: [options.unbatched ? httpLink(linkOptions) : httpBatchLink({ ...linkOptions, maxItems: 20 })],
  });

  return {
    trpc,
    cookies,
    get accessToken() {
      return state.accessToken;
    },
    set accessToken(token: string | null) {
      state.accessToken = token;
    },
  };
}

export type TestClient = ReturnType<typeof createTestClient>;

let counter = 0;
/** Distinct, valid sign-up details for each call. */
export function newMember(
  overrides: Partial<{ email: string; username: string; displayName: string; password: string }> = {},
) {
  counter += 1;
  const tag = `${process.pid.toString(36)}${counter}`;
  return {
    email: `reader${tag}@example.com`,
    username: `reader_${tag}`,
    displayName: `Reader ${counter}`,
    password: "correct horse battery staple",
    ...overrides,
  };
}

/** Signs a new member up through a fresh client and keeps their access token on it. */
export async function signedUpClient(server: TestServer, overrides: Parameters<typeof newMember>[0] = {}) {
  const client = server.client();
  const details = newMember(overrides);
  const session = await client.trpc.auth.signUp.mutate(details);
  client.accessToken = session.accessToken;
  return { client, details, user: session.user };
}

/** The typed tRPC error a call rejected with. */
export async function rejectionOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return error as TRPCClientError<AppRouter>;
    }
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
