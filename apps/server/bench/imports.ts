// Imports and shelves: rows per second of a 5,000-row Goodreads import (every book already in the catalog, and with a
// quarter unknown to it, which Google Books answers from the local fake that speaks its wire format), then the
// imported member's shelf list and trade inbox as requests per second.
// Run: pnpm --filter @booky/server bench:imports   (needs TEST_DATABASE_URL or DATABASE_URL)
// Options (env): BENCH_ROWS (default 5000), BENCH_SECONDS (default 5), BENCH_OUT (the report's folder, default
// bench/results; test/bench-smoke.test.ts runs it tiny into a scratch folder).
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type net from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import {
  books,
  copies,
  createDatabase,
  eq,
  importJobs,
  migrateDatabase,
  tradeItems,
  tradeProposals,
  users,
  withDatabase,
} from "@booky/db";
import { isbn13CheckDigit } from "@booky/domain";
import pino from "pino";
import postgres from "postgres";
import { Registry } from "prom-client";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createBookMetadata } from "../src/services/books/book-metadata.js";
import { startImport } from "../src/services/imports.js";
import { runImport } from "../src/services/imports-run.js";
import { openSession } from "../src/services/sessions.js";
import { fakeVolume, startFakeGoogleBooks } from "../test/fake-google-books.js";
import { benchBearer, relaxedRateLimits, requestsPerSecond, trpcInput } from "./in-process.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
// The machine is shared: the load average at the start and the end says how much of it the figures had.
const loadAtStart = loadavg()[0];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HEADER =
  "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Recommended For,Recommended By,Owned Copies,Original Purchase Date,Original Purchase Location,Condition,Condition Description,BCID";
const shelves = ["read", "to-read", "currently-reading"];

/** A valid ISBN-13 for book number `n` of a run (`run` keeps the two runs' books apart). */
const isbnOf = (run: number, n: number) => {
  const first12 = `978${run}${String(n).padStart(8, "0")}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
};

/** A Goodreads export of `ROWS` books, as Goodreads writes it (`="…"` ISBNs, a byte-order mark, quoted titles). */
const goodreadsFile = (run: number) =>
  `\uFEFF${[
    HEADER,
    ...Array.from({ length: ROWS }, (_, n) => {
      const shelf = shelves[n % shelves.length];
      return `${n + 1},"Book ${run}-${n}, a novel",Writer ${n},"${n}, Writer",,"=""""","=""${isbnOf(run, n)}""",${n % 6},3.9,,Paperback,${200 + (n % 300)},2001,2001,,2023/02/02,,,${shelf},,,,0,,,0,,,,,`;
    }),
  ].join("\n")}\n`;

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) throw new Error("Set TEST_DATABASE_URL or DATABASE_URL");
const name = `booky_bench_imports_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = withDatabase(adminUrl, name);
await migrateDatabase(url);
const fake = await startFakeGoogleBooks([]);
const database = createDatabase(url, { max: 10 });
const config = loadConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  DATABASE_URL: url,
  JWT_SECRET: "bench-secret-that-is-long-enough-for-hs256-signing",
  COOKIE_SECURE: "false",
  PUBLIC_URL: "http://booky.bench",
  WEB_DIST_DIR: "/nonexistent",
  GOOGLE_BOOKS_ENABLED: "true",
  GOOGLE_BOOKS_BASE_URL: fake.url,
  GOOGLE_BOOKS_RATE_PER_MINUTE: "10000",
  JOBS_IN_PROCESS: "false",
});
const app = await buildApp({ config, database, rateLimits: relaxedRateLimits, logger: false });
await app.listen({ host: "127.0.0.1", port: 0 });
const here = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
const db = database.db;
const bookMetadata = createBookMetadata({ config, db, registry: new Registry(), log: pino({ level: "silent" }) });

/** Imports run `run`'s file for a new member, with the share of its books the catalog lacks known to Google only. */
async function importRun(run: number, unknownShare: number) {
  const unknown = Math.round(ROWS * unknownShare);
  const known = Array.from({ length: ROWS - unknown }, (_, n) => n + unknown);
  for (let start = 0; start < known.length; start += 1000) {
    await db.insert(books).values(
      known.slice(start, start + 1000).map((n) => ({
        title: `Book ${run}-${n}, a novel`,
        authors: [`Writer ${n}`],
        isbn13: isbnOf(run, n),
        pageCount: 200 + (n % 300),
      })),
    );
  }
  fake.add(
    ...Array.from({ length: unknown }, (_, n) =>
      fakeVolume(`benchVol${run}x${n}`, {
        title: `Book ${run}-${n}, a novel`,
        authors: [`Writer ${n}`],
        isbn13: isbnOf(run, n),
        pageCount: 200 + (n % 300),
      }),
    ),
  );
  const [member] = await db
    .insert(users)
    .values({
      email: `importer${run}@bench.test`,
      username: `importer${run}`,
      displayName: `Importer ${run}`,
      passwordHash: "$argon2id$bench",
    })
    .returning({ id: users.id });
  const userId = member?.id as string;
  const started = performance.now();
  const job = await startImport(db, userId, {
    name: "goodreads_library_export.csv",
    bytes: new TextEncoder().encode(goodreadsFile(run)),
    source: "auto",
  });
  const stored = performance.now();
  await runImport({ db, bookMetadata }, job.id);
  const done = performance.now();
  const [outcome] = await db
    .select({
      matched: importJobs.matched,
      created: importJobs.created,
      failed: importJobs.failed,
      status: importJobs.status,
    })
    .from(importJobs)
    .where(eq(importJobs.id, job.id));
  const seconds = (done - started) / 1000;
  return {
    rows: ROWS,
    unknownToCatalog: unknown,
    outcome,
    parseAndStoreMs: Math.round(stored - started),
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(ROWS / seconds),
    userId,
  };
}

const allKnown = await importRun(1, 0);
const quarterUnknown = await importRun(2, 0.25);

// The imported member's shelf list (5,000 books, one page of 20 at a time), over HTTP with autocannon.
const sessions = await openSession(db, { userId: allKnown.userId, userAgent: "bench", ip: null, ttlDays: 1 });
const bearer = await benchBearer(config, allKnown.userId, sessions.sessionId);
const shelfRate = (query: unknown) =>
  requestsPerSecond(`${here}/trpc/shelves.books?input=${trpcInput(query)}`, {
    bearer,
    seconds: SECONDS,
    connections: 10,
  });
const shelfList = await shelfRate({ limit: 20 });
const shelfListRead = await shelfRate({ limit: 20, status: "read" });

// The same member's trade inbox: TRADE_PARTNERS members, INBOX pending proposals each way and HISTORY decided ones,
// each one copy for one copy (like the web's inbox, one page of 20 with its items).
const TRADE_PARTNERS = 40;
const INBOX = 100;
const HISTORY = 400;
const trader = allKnown.userId;
const partners = await db
  .insert(users)
  .values(
    Array.from({ length: TRADE_PARTNERS }, (_, n) => ({
      email: `partner${n}@bench.test`,
      username: `partner${n}`,
      displayName: `Partner ${n}`,
      passwordHash: "$argon2id$bench",
    })),
  )
  .returning({ id: users.id });
const catalog = await db.select({ id: books.id }).from(books).limit(1000);
const trades = Array.from({ length: 2 * INBOX + HISTORY }, (_, n) => {
  const partner = partners[n % partners.length]?.id as string;
  const incoming = n < INBOX || (n >= 2 * INBOX && n % 2 === 0);
  const status = n < 2 * INBOX ? ("pending" as const) : (["declined", "cancelled", "expired"] as const)[n % 3];
  return {
    fromUserId: incoming ? partner : trader,
    toUserId: incoming ? trader : partner,
    status: status ?? "declined",
    message: `Trade ${n}`,
    createdAt: new Date(Date.now() - n * 60_000),
    decidedAt: status === "pending" ? null : new Date(Date.now() - n * 30_000),
  };
});
const copyRows = (owner: (n: number) => string) =>
  trades.map((_trade, n) => ({
    ownerId: owner(n),
    bookId: catalog[n % catalog.length]?.id as string,
    condition: "good" as const,
    availability: "open_to_trade" as const,
  }));
const proposals = await db.insert(tradeProposals).values(trades).returning({ id: tradeProposals.id });
const fromCopies = await db
  .insert(copies)
  .values(copyRows((n) => trades[n]?.fromUserId as string))
  .returning({ id: copies.id });
const toCopies = await db
  .insert(copies)
  .values(copyRows((n) => trades[n]?.toUserId as string))
  .returning({ id: copies.id });
await db.insert(tradeItems).values(
  trades.flatMap((trade, n) => {
    const proposalId = proposals[n]?.id as string;
    const reserved = trade.status === "pending";
    return [
      {
        proposalId,
        copyId: fromCopies[n]?.id as string,
        side: "offered" as const,
        giverId: trade.fromUserId,
        receiverId: trade.toUserId,
        reserved,
      },
      {
        proposalId,
        copyId: toCopies[n]?.id as string,
        side: "requested" as const,
        giverId: trade.toUserId,
        receiverId: trade.fromUserId,
        reserved,
      },
    ];
  }),
);
await database.client`analyze`;
const inboxRate = (box: "incoming" | "outgoing" | "history") =>
  requestsPerSecond(`${here}/trpc/trades.list?input=${trpcInput({ limit: 20, box })}`, {
    bearer,
    seconds: SECONDS,
    connections: 10,
  });
const tradeInbox = {
  incoming: await inboxRate("incoming"),
  outgoing: await inboxRate("outgoing"),
  history: await inboxRate("history"),
  trades: { incoming: INBOX, outgoing: INBOX, history: HISTORY, partners: TRADE_PARTNERS },
};

const report = {
  at: new Date().toISOString(),
  cpus: cpus().length,
  loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
  seconds: SECONDS,
  imports: {
    allInCatalog: { ...allKnown, userId: undefined },
    quarterUnknown: { ...quarterUnknown, userId: undefined },
  },
  shelfList: { everyStatus: shelfList, readOnly: shelfListRead, shelfSize: ROWS },
  tradeInbox,
};
console.log(JSON.stringify(report, null, 2));
const out = process.env.BENCH_OUT ?? path.resolve(import.meta.dirname, "results");
await writeFile(path.join(out, "imports.json"), `${JSON.stringify(report, null, 2)}\n`);

bookMetadata.close();
await app.close();
await database.close();
await fake.close();
await admin.unsafe(`drop database "${name}" with (force)`);
await admin.end();
