// Notifications and discussions: requests per second of the bell's unread count and of a thread list, and the
// commit-to-delivery latency of a live notification (p50/p99) with many SSE subscribers connected to this server
// and, across servers, to a second server process on the same database.
// Run: pnpm --filter @booky/server bench:notifications   (needs TEST_DATABASE_URL or DATABASE_URL)
// Options (env): BENCH_SUBSCRIBERS (default 1000), BENCH_ROUNDS (default 200), BENCH_SECONDS (default 5).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { cpus } from "node:os";
import path from "node:path";
import { createDatabase, discussionThreads, migrateDatabase, users, withDatabase } from "@booky/db";
import postgres from "postgres";
import { EventSource } from "undici";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { addMember, createClub } from "../src/services/clubs.js";
import { notify } from "../src/services/notifications.js";
import { openSession } from "../src/services/sessions.js";
import { issueStreamTicket } from "../src/services/stream-tickets.js";
import { benchBearer, relaxedRateLimits, requestsPerSecond, trpcInput } from "./in-process.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) throw new Error("Set TEST_DATABASE_URL or DATABASE_URL");
const name = `booky_bench_notify_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = withDatabase(adminUrl, name);
await migrateDatabase(url);
const database = createDatabase(url, { max: 10 });
const env = {
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  DATABASE_URL: url,
  JWT_SECRET: "bench-secret-that-is-long-enough-for-hs256-signing",
  COOKIE_SECURE: "false",
  PUBLIC_URL: "http://booky.bench",
  WEB_DIST_DIR: "/nonexistent",
  GOOGLE_BOOKS_ENABLED: "false",
  JOBS_IN_PROCESS: "false",
};
const config = loadConfig(env);
const app = await buildApp({ config, database, rateLimits: relaxedRateLimits, logger: false });
await app.listen({ host: "127.0.0.1", port: 0 });
const here = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;

// Members (one stream each), a club of 50 of them with 200 threads, and 30 unread notifications for the first.
const db = database.db;
const people = await db
  .insert(users)
  .values(
    Array.from({ length: SUBSCRIBERS }, (_, i) => ({
      email: `reader${i}@bench.test`,
      username: `reader${i}`,
      displayName: `Reader ${i}`,
      // Never logs in: a placeholder hash (the bench opens sessions directly).
      passwordHash: "$argon2id$bench",
    })),
  )
  .returning({ id: users.id });
const ids = people.map((person) => person.id);
const owner = ids[0] as string;
const club = await createClub(db, owner, {
  name: "Bench Club",
  description: "",
  category: "fiction",
  isOnline: true,
  timeZone: "UTC",
  location: null,
  visibility: "public",
  memberLimit: 100,
});
const clubId = club.id;
for (const userId of ids.slice(1, 50)) await db.transaction((tx) => addMember(tx, clubId, userId));
await db.insert(discussionThreads).values(
  Array.from({ length: 200 }, (_, i) => ({
    clubId,
    authorId: ids[i % Math.min(50, ids.length)] as string,
    title: `Thread ${i}`,
    body: "Text",
    bodyHtml: "<p>Text</p>",
    excerpt: "Text",
  })),
);
await db.transaction((tx) =>
  notify(
    tx,
    Array.from({ length: 30 }, () => ({ userId: owner, kind: "friend_request" as const, actorId: ids[1] ?? null })),
  ),
);
const sessions = await Promise.all(
  ids.map((userId) => openSession(db, { userId, userAgent: "bench", ip: null, ttlDays: 1 })),
);
const bearer = await benchBearer(config, owner, sessions[0]?.sessionId as string);
const rate = (pathAndQuery: string) =>
  requestsPerSecond(`${here}${pathAndQuery}`, { bearer, seconds: SECONDS, connections: 20 });
const unread = await rate("/trpc/notifications.unreadCount");
const threads = await rate(`/trpc/discussions.threads?input=${trpcInput({ clubId, limit: 20 })}`);

/** Opens one stream per member against `base`; resolves once all are connected, with each member's arrivals. */
async function connect(base: string) {
  const arrivals = new Map<string, (at: number) => void>();
  const sources: EventSource[] = [];
  await Promise.all(
    ids.map(async (userId, i) => {
      const { ticket } = await issueStreamTicket(db, userId, sessions[i]?.sessionId as string);
      const source = new EventSource(
        `${base}/trpc/notifications.live?input=${trpcInput({})}&connectionParams=${encodeURIComponent(JSON.stringify({ ticket }))}`,
      );
      sources.push(source);
      source.addEventListener("message", () => arrivals.get(userId)?.(performance.now()));
      await new Promise<void>((resolve, reject) => {
        source.addEventListener("connected", () => resolve(), { once: true });
        source.addEventListener("error", () => reject(new Error("stream refused")), { once: true });
      });
    }),
  );
  return {
    arrivals,
    close: () => {
      for (const source of sources) source.close();
    },
  };
}

/** Commits one notification at a time to a random subscriber and times its arrival after the commit. */
async function latencies(base: string) {
  const streams = await connect(base);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const userId = ids[Math.floor(Math.random() * ids.length)] as string;
    const arrived = new Promise<number>((resolve) => streams.arrivals.set(userId, resolve));
    await db.transaction((tx) => notify(tx, [{ userId, kind: "friend_accepted", actorId: owner }]));
    const committed = performance.now();
    samples.push((await arrived) - committed);
    streams.arrivals.delete(userId);
  }
  streams.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0) * 10) / 10;
  return { p50ms: at(0.5), p99ms: at(0.99), subscribers: ids.length, rounds: ROUNDS };
}

async function secondServer(): Promise<{ url: string; child: ChildProcess }> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/main.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 600; tries++) {
    if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) return { url: base, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the second server did not start");
}

const oneServer = await latencies(here);
const other = await secondServer();
const acrossServers = await latencies(other.url);
other.child.kill("SIGTERM");

const report = {
  at: new Date().toISOString(),
  cpus: cpus().length,
  seconds: SECONDS,
  unreadCount: unread,
  threadList: threads,
  liveDelivery: { oneServer, acrossServers },
};
console.log(JSON.stringify(report, null, 2));
await writeFile(
  path.resolve(import.meta.dirname, "results", "notifications.json"),
  `${JSON.stringify(report, null, 2)}\n`,
);

await app.close();
await database.close();
await admin.unsafe(`drop database "${name}" with (force)`);
await admin.end();
