import { randomBytes } from "node:crypto";
import { eq, pointLedger } from "@booky/db";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRateLimits } from "../src/services/rate-limits.js";
import { createTestClient, newMember, rejectionOf, startTestServer, type TestServer } from "./harness.js";
import { type BookyProcess, startBookyProcess } from "./process-support.js";
import { balanceOf, bettingRace, closeRace, expectLedgerConsistent, settled } from "./race-support.js";

/**
 * Booky as a deployment runs it: two API server processes and one worker
 * process on one PostgreSQL database and the machine's Redis. The race journey
 * (race-support.ts) runs with every call going to the other server than the
 * last; rate limits hold across both; the worker settles the race once.
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const prefix = `booky-test-${randomBytes(4).toString("hex")}`;
// The in-process server only provides the database (and its direct access); the processes serve.
const database = await startTestServer();
const shared = {
  DATABASE_URL: database.databaseUrl,
  REDIS_URL,
  REDIS_KEY_PREFIX: prefix,
  JOBS_IN_PROCESS: "false",
  DATABASE_POOL_MAX: "4",
};
const [serverA, serverB, worker] = (await Promise.all([
  startBookyProcess("main", shared),
  startBookyProcess("main", shared),
  startBookyProcess("worker", { DATABASE_URL: database.databaseUrl, JOBS_CONCURRENCY: "2" }),
])) as [BookyProcess, BookyProcess, BookyProcess];
const urls = [serverA.url, serverB.url];

const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await Promise.all([serverA.kill(), serverB.kill(), worker.kill()]);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const hits = [0, 0];
/**
 * One "browser" whose every call goes to the next server in turn: the same
 * access token and procedure path, answered by whichever process is up next.
 */
function alternatingClient() {
  const clients = urls.map((url) => createTestClient(url));
  let turn = 0;
  const route = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_target, key) => (key === "then" ? undefined : route([...path, String(key)])),
      apply: (_target, _this, args) => {
        const index = turn++ % clients.length;
        hits[index] = (hits[index] ?? 0) + 1;
        let target = clients[index]?.trpc as unknown as Record<string, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        const method = target[path.at(-1) ?? ""] as (...values: unknown[]) => unknown;
        return method(...args);
      },
    });
  return {
    trpc: route([]) as ReturnType<typeof createTestClient>["trpc"],
    cookies: clients[0]?.cookies ?? new Map(),
    get accessToken() {
      return clients[0]?.accessToken ?? null;
    },
    set accessToken(token: string | null) {
      for (const client of clients) client.accessToken = token;
    },
  };
}

/** How many tRPC calls a server process has answered, from its /metrics. */
async function procedureCalls(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("booky_trpc_procedure_duration_seconds_count"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

/** What the journey needs of a "server": a client factory (alternating) and the database. */
const bothServers = { ...database, client: alternatingClient } as unknown as TestServer;

describe("two servers and a worker on one database and one Redis", () => {
  it("runs the race journey across both servers; the separate worker settles it exactly once", async () => {
    const race = await bettingRace(bothServers, 3);
    const { ana, cal } = race;
    await closeRace(race);

    // Neither server runs jobs: the worker process does.
    expect(await settled(database, race.meeting.id)).toMatchObject({ kind: "paid", winnerIds: [ana.user.id] });
    const keys = (
      await database.db
        .select({ key: pointLedger.key })
        .from(pointLedger)
        .where(eq(pointLedger.meetingId, race.meeting.id))
    ).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key.startsWith("payout:"))).toHaveLength(2);
    expect(await balanceOf(database, ana.user.id)).toBe(1000 - 100 + 200 + 50);
    expect(await balanceOf(database, cal?.user.id ?? "")).toBe(1000 - 100 + 200);
    await expectLedgerConsistent(database);
    // Both processes answered their half, by their own metrics.
    const answered = await Promise.all(urls.map(procedureCalls));
    expect(Math.min(...answered)).toBeGreaterThanOrEqual(Math.min(...hits));
    expect(Math.min(...hits)).toBeGreaterThanOrEqual(10);
    expect(worker.output.join("")).toContain("worker started");
  });

  it("counts a rate limit once across both servers (in Redis), not once per server", async () => {
    const details = newMember();
    const someone = alternatingClient();
    await someone.trpc.auth.signUp.mutate(details);
    const limit = defaultRateLimits.logInPerAccount.points;
    const wrong = { email: details.email, password: "definitely the wrong password" };
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await rejectionOf(someone.trpc.auth.logIn.mutate(wrong))).data?.code).toBe("UNAUTHORIZED");
    }
    // In memory each server would allow `limit` of its own; shared, the next attempt is refused on either.
    for (const url of urls) {
      const error = await rejectionOf(createTestClient(url).trpc.auth.logIn.mutate(wrong));
      expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    }
    expect(await redis.keys(`${prefix}:rl:logInPerAccount*`)).toHaveLength(1);
  });
});
