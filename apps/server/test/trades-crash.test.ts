import { copies, createDatabase, eq, inArray, sql, tradeProposals } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it, vi } from "vitest";
import { fulfilTrade } from "../src/services/trades-fulfilment.js";
import { startTestServer } from "./harness.js";
import { killWorkerHalfway, startWorker } from "./process-support.js";
import { type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf, fulfilled } from "./trades-support.js";

// No in-process workers: the tests decide who fulfils.
const inbox = await startSmtpInbox();
const server = await startTestServer({ env: { SMTP_URL: inbox.url } });
const workerEnv = { SMTP_URL: inbox.url };

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
    // One of Ana's copies held: the worker's move stops halfway, inside its transaction.
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      lock: "select * from copies where id = $1 for update",
      params: [trade.copyIds[1] ?? ""],
      waitingOn: '%update "copies"%',
      run: () => startWorker(server.databaseUrl, workerEnv),
    });
    const [ana, ben] = [trade.ana.user.id, trade.ben.user.id];
    expect(await ownersOf(trade.copyIds)).toEqual([ana, ana, ben]);
    const [row] = await server.db.select().from(tradeProposals).where(eq(tradeProposals.id, trade.tradeId));
    expect([row?.status, row?.fulfilledAt, row?.snapshot]).toEqual(["accepted", null, null]);
    expect(await mailJobs(trade.tradeId)).toBe(0);

    // The dead worker's job stays locked; the minute sweep queues the fulfilment again.
    await server.db.execute(
      sql`update trade_proposals set decided_at = now() - interval '2 minutes' where id = ${trade.tradeId}`,
    );
    const second = await startWorker(server.databaseUrl, workerEnv);
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
    await second.kill("SIGTERM");
    expect(inbox.to(trade.ana.details.email)).toHaveLength(1);
    expect(inbox.to(trade.ben.details.email)).toHaveLength(1);
    // Two worker processes start (tsx): slower than the default timeout on a loaded machine.
  }, 60_000);
});
