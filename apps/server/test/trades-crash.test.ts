import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { copies, createDatabase, eq, inArray, sql, tradeProposals } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { fulfilTrade } from "../src/services/trades-fulfilment.js";
import { startTestServer } from "./harness.js";
import { type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf, fulfilled } from "./trades-support.js";

// No in-process workers: the tests decide who fulfils.
const inbox = await startSmtpInbox();
const server = await startTestServer({ env: { SMTP_URL: inbox.url } });
const serverDir = fileURLToPath(new URL("..", import.meta.url));
const workers = new Set<ChildProcess>();
afterAll(() => {
  for (const worker of workers) worker.kill("SIGKILL");
});

/** An accepted two-for-one trade between club-mates, not yet fulfilled. */
async function acceptedTrade() {
  const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
  await shareClub(ana, ben);
  const anas = await copiesOf(server, ana, 2, "Ana's");
  const bens = await copiesOf(server, ben, 1, "Ben's");
  const proposal = await ana.client.trpc.trades.propose.mutate({
    toUserId: ben.user.id,
    offeredCopyIds: anas.map((copy) => copy.id),
    requestedCopyIds: bens.map((copy) => copy.id),
  });
  await ben.client.trpc.trades.accept.mutate({ tradeId: proposal.id });
  const copyIds = [...anas, ...bens].map((copy) => copy.id);
  return { ana, ben, tradeId: proposal.id, copyIds, expectedOwners: [ben.user.id, ben.user.id, ana.user.id] };
}

async function ownersOf(ids: string[]) {
  const rows = await server.db
    .select({ id: copies.id, ownerId: copies.ownerId })
    .from(copies)
    .where(inArray(copies.id, ids));
  return ids.map((id) => rows.find((row) => row.id === id)?.ownerId);
}

/** The trade's mail jobs still queued (each keyed by trade and recipient, so at most one per side). */
const mailJobs = async (tradeId: string) =>
  (
    await server.sql`select count(*)::int as n from graphile_worker.jobs
      where task_identifier = 'send-trade-mail' and key like ${`trade-mail:${tradeId}:%`}`
  )[0]?.n;

/** `node dist/worker.js` as operators run it, from sources, mailing through the test inbox. */
function startWorkerProcess() {
  const worker = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/worker.ts"], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: server.databaseUrl, SMTP_URL: inbox.url, LOG_LEVEL: "info", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.add(worker);
  const output: string[] = [];
  worker.stdout?.on("data", (chunk) => output.push(String(chunk)));
  worker.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return { worker, output, exited };
}

describe("trade fulfilment is exactly once", () => {
  it("two fulfilments racing: one moves the copies, the other finds the trade fulfilled; mails queued once", async () => {
    const trade = await acceptedTrade();
    const second = createDatabase(server.databaseUrl, { max: 2 });
    try {
      const results = await Promise.all([fulfilTrade(server.db, trade.tradeId), fulfilTrade(second.db, trade.tradeId)]);
      expect(results.map((result) => result.status).sort()).toEqual(["already-fulfilled", "fulfilled"]);
      expect((await fulfilTrade(server.db, trade.tradeId)).status).toBe("already-fulfilled");
    } finally {
      await second.close();
    }
    expect(await ownersOf(trade.copyIds)).toEqual(trade.expectedOwners);
    expect(await mailJobs(trade.tradeId)).toBe(2);
  });

  it("a worker killed in the middle of fulfilling moves nothing; a restarted one fulfils once and mails each side once", async () => {
    const trade = await acceptedTrade();
    // Hold one of Ana's copies so the worker's move stops halfway, inside its transaction.
    const blocker = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    const reserved = await blocker.reserve();
    await reserved`begin`;
    await reserved`select * from copies where id = ${trade.copyIds[1] ?? ""} for update`;

    const first = startWorkerProcess();
    await vi.waitFor(
      async () => {
        const waiting = await server.sql`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%update "copies"%'`;
        if (waiting[0]?.n !== 1) throw new Error(`worker not blocked yet:\n${first.output.join("")}`);
      },
      { timeout: 30_000, interval: 100 },
    );
    first.worker.kill("SIGKILL");
    await first.exited;
    await reserved`rollback`;
    reserved.release();
    await blocker.end();
    await vi.waitFor(
      async () => {
        const left = await server.sql`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and query ilike '%update "copies"%' and state <> 'idle' and pid <> pg_backend_pid()`;
        if (left[0]?.n !== 0) throw new Error("the dead worker's transaction is still open");
      },
      { timeout: 15_000, interval: 100 },
    );
    const [ana, ben] = [trade.ana.user.id, trade.ben.user.id];
    expect(await ownersOf(trade.copyIds)).toEqual([ana, ana, ben]);
    const [row] = await server.db.select().from(tradeProposals).where(eq(tradeProposals.id, trade.tradeId));
    expect([row?.status, row?.fulfilledAt, row?.snapshot]).toEqual(["accepted", null, null]);
    expect(await mailJobs(trade.tradeId)).toBe(0);

    // The dead worker's job stays locked; the minute sweep queues the fulfilment again.
    await server.db.execute(
      sql`update trade_proposals set decided_at = now() - interval '2 minutes' where id = ${trade.tradeId}`,
    );
    const second = startWorkerProcess();
    await server.db.execute(sql`select graphile_worker.add_job('trades-sweep')`);
    await fulfilled(server, trade.tradeId);
    expect(await ownersOf(trade.copyIds)).toEqual(trade.expectedOwners);
    await inbox.waitForMailTo(trade.ana.details.email);
    await inbox.waitForMailTo(trade.ben.details.email);
    // Once the mail jobs are done, no second message follows.
    await vi.waitFor(
      async () => {
        if ((await mailJobs(trade.tradeId)) !== 0) throw new Error("mail jobs still queued");
      },
      { timeout: 10_000, interval: 100 },
    );
    second.worker.kill("SIGTERM");
    await second.exited;
    expect(inbox.to(trade.ana.details.email)).toHaveLength(1);
    expect(inbox.to(trade.ben.details.email)).toHaveLength(1);
  });
});
