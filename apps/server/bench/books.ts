// Book search latency: the local catalog, a Google Books query answered from the PostgreSQL cache, and an uncached
// one (against a local server answering like the Books API, with an optional simulated network latency), plus the
// cache hit ratio and the behaviour while the API is down.
// Run: pnpm --filter @booky/server bench:books   (uses TEST_DATABASE_URL / DATABASE_URL, else an embedded PostgreSQL)
// Options (env): BENCH_ROUNDS (default 50), BENCH_GOOGLE_LATENCY_MS (default 0: the fake answers at once).
import { randomBytes } from "node:crypto";
import path from "node:path";
import {
  createDatabase,
  defaultDataDir,
  migrateDatabase,
  readSeedCatalog,
  seedCatalog,
  startEmbeddedPostgres,
  withDatabase,
} from "@booky/db";
import { createTRPCClient, httpLink } from "@trpc/client";
import postgres from "postgres";
import superjson from "superjson";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { AppRouter } from "../src/router.js";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";
import { fakeVolume, startFakeGoogleBooks } from "../test/fake-google-books.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const LATENCY_MS = Number(process.env.BENCH_GOOGLE_LATENCY_MS ?? 0);
const relaxed = Object.fromEntries(
  Object.keys(defaultRateLimits).map((name) => [name, { points: 1_000_000, duration: 60 }]),
) as RateLimitRules;

const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const embedded = given ? null : await startEmbeddedPostgres({ dir: path.join(defaultDataDir, "bench-postgres") });
const adminUrl = given ?? (embedded as NonNullable<typeof embedded>).url;
const name = `booky_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = withDatabase(adminUrl, name);
await migrateDatabase(url);
const database = createDatabase(url, { max: 10 });
await seedCatalog(database.db);

const google = await startFakeGoogleBooks();
for (let i = 0; i < ROUNDS; i++) {
  google.add(
    fakeVolume(`benchVol${String(i).padStart(4, "0")}`, {
      title: `Vbench${i} Chronicle`,
      authors: ["Bench Author"],
      pageCount: 200 + i,
    }),
  );
}

async function startServer(googleEnabled: boolean) {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: url,
    WEB_DIST_DIR: "/nonexistent",
    GOOGLE_BOOKS_ENABLED: String(googleEnabled),
    GOOGLE_BOOKS_BASE_URL: google.url,
    GOOGLE_BOOKS_RATE_PER_MINUTE: "10000",
  });
  const app = await buildApp({ config, database, rateLimits: relaxed });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  let token = "";
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${base}/trpc`, transformer: superjson, headers: () => ({ authorization: `Bearer ${token}` }) }),
    ],
  });
  const tag = randomBytes(3).toString("hex");
  const session = await trpc.auth.signUp.mutate({
    email: `bench${tag}@example.com`,
    username: `bench_${tag}`,
    displayName: "Bench",
    password: "a bench of patient readers",
  });
  token = session.accessToken;
  return { app, base, trpc };
}

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  console.log(
    `${label.padEnd(34)} median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms   max ${at(1).toFixed(1).padStart(6)} ms   (${samples.length} searches)`,
  );
}

async function time(task: () => Promise<unknown>) {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function counter(base: string, labels: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split("\n").find((row) => row.startsWith(`booky_google_books_cache_lookups_total{${labels}}`));
  return Number(line?.split(" ").at(-1) ?? 0);
}

console.log(
  `Book search over HTTP (tRPC), ${readSeedCatalog().length}-book seed catalog, ${ROUNDS} rounds, fake Books API latency ${LATENCY_MS} ms`,
);
const titleWords = readSeedCatalog()
  .map((book) => book.title.split(/\s+/).find((word) => word.length > 4) ?? book.title)
  .slice(0, ROUNDS);

const local = await startServer(false);
await local.trpc.books.search.query({ query: "warm up" });
const localTimes: number[] = [];
for (const word of titleWords) localTimes.push(await time(() => local.trpc.books.search.query({ query: word })));
summary("local catalog (Google off)", localTimes);
await local.app.close();

const remote = await startServer(true);
if (LATENCY_MS > 0) google.setMode({ kind: "slow", delayMs: LATENCY_MS });
const uncached: number[] = [];
const cached: number[] = [];
for (let i = 0; i < ROUNDS; i++)
  uncached.push(await time(() => remote.trpc.books.search.query({ query: `vbench${i}` })));
for (let i = 0; i < ROUNDS; i++) cached.push(await time(() => remote.trpc.books.search.query({ query: `vbench${i}` })));
summary("Google query, uncached (API call)", uncached);
summary("Google query, cached (PostgreSQL)", cached);
const hits = await counter(remote.base, 'kind="query",result="hit"');
const misses = await counter(remote.base, 'kind="query",result="miss"');
console.log(
  `cache hit ratio over the run: ${hits}/${hits + misses} = ${((100 * hits) / Math.max(1, hits + misses)).toFixed(1)}%   (API calls made: ${google.requests.length})`,
);

// An outage: every answer 503. Searches fall back to the catalog after the retries; once failures are half the
// calls of the breaker's rolling window (30 s), the circuit opens and searches stop waiting for Google at all.
google.setMode({ kind: "status", status: 503 });
const failing: number[] = [];
const circuitOpen = async () =>
  /^booky_google_books_circuit_open 1$/m.test(await (await fetch(`${remote.base}/metrics`)).text());
let round = 0;
while (!(await circuitOpen()) && round < 200) {
  const word = titleWords[round % titleWords.length];
  failing.push(await time(() => remote.trpc.books.search.query({ query: `outage ${round++} ${word}` })));
}
summary("API down (503), retrying then local", failing);
const open: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  open.push(await time(() => remote.trpc.books.search.query({ query: `open ${i} ${titleWords[i]}` })));
}
summary("API down, circuit open: local only", open);
const answered = await remote.trpc.books.search.query({ query: titleWords[0] ?? "the" });
console.log(`while down: remote="${answered.remote}", ${answered.items.length} catalog results for "${titleWords[0]}"`);
await remote.app.close();

await google.close();
await database.close();
await admin.unsafe(`drop database if exists "${name}" with (force)`);
await admin.end();
await embedded?.stop();
