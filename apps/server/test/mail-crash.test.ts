import { like, mailDeliveries } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it, vi } from "vitest";
import { fulfilTrade } from "../src/services/trades-fulfilment.js";
import { startTestServer } from "./harness.js";
import { killWorkerHalfway, startWorker, unlockDeadWorkersJobs } from "./process-support.js";
import { type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf } from "./trades-support.js";

// No in-process workers: worker processes send the mail, and one is killed mid-send.
const inbox = await startSmtpInbox();
const server = await startTestServer({ env: { SMTP_URL: inbox.url } });
const workerEnv = { SMTP_URL: inbox.url };

/** A fulfilled one-for-one trade: its two mails (one per side) queued, not sent. */
async function fulfilledTrade() {
  const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
  await shareClub(ana, ben);
  const [anas] = await copiesOf(server, ana, 1, "Ana's");
  const [bens] = await copiesOf(server, ben, 1, "Ben's");
  const proposal = await ana.client.trpc.trades.propose.mutate({
    toUserId: ben.user.id,
    offeredCopyIds: [anas?.id ?? ""],
    requestedCopyIds: [bens?.id ?? ""],
  });
  await ben.client.trpc.trades.accept.mutate({ tradeId: proposal.id });
  expect((await fulfilTrade(server.db, proposal.id)).status).toBe("fulfilled");
  return { tradeId: proposal.id, emails: [ana.details.email, ben.details.email] };
}

const outboxOf = (tradeId: string) =>
  server.db
    .select({ attempts: mailDeliveries.attempts, sentAt: mailDeliveries.sentAt })
    .from(mailDeliveries)
    .where(like(mailDeliveries.key, `trade-mail:${tradeId}:%`));

const mailJobsLeft = async (tradeId: string) =>
  (
    await server.sql`select count(*)::int as n from graphile_worker.jobs
      where task_identifier = 'send-trade-mail' and key like ${`trade-mail:${tradeId}:%`}`
  )[0]?.n;

/** A fresh worker runs the dead one's jobs; both mails are done and each side holds exactly one message. */
async function expectDeliveredOnceAfterRetry(trade: Awaited<ReturnType<typeof fulfilledTrade>>) {
  await unlockDeadWorkersJobs(server.sql);
  const second = await startWorker(server.databaseUrl, workerEnv);
  await vi.waitFor(
    async () => {
      if ((await mailJobsLeft(trade.tradeId)) !== 0) throw new Error("mail jobs still queued");
    },
    { timeout: 30_000, interval: 100 },
  );
  await second.kill("SIGTERM");
  for (const email of trade.emails) expect(inbox.to(email)).toHaveLength(1);
  const outbox = await outboxOf(trade.tradeId);
  expect(outbox).toHaveLength(2);
  expect(outbox.every((row) => row.sentAt !== null)).toBe(true);
  return outbox;
}

/** A worker started while the inbox holds messages: once it returns, both mails' SMTP transactions are open. */
async function workerHeldInSmtp() {
  inbox.hold();
  const worker = await startWorker(server.databaseUrl, workerEnv);
  await vi.waitFor(
    () => {
      if (inbox.held() !== 2) throw new Error(`${inbox.held()} of 2 messages held:\n${worker.output.join("")}`);
    },
    { timeout: 30_000, interval: 50 },
  );
  return worker;
}

describe("a job's mail is delivered exactly once when its worker is killed mid-send", () => {
  it("killed inside the SMTP transaction, before the server accepted: the retry sends each mail once", async () => {
    const trade = await fulfilledTrade();
    const first = await workerHeldInSmtp();
    await first.kill("SIGKILL");
    await vi.waitFor(() => {
      if (inbox.held() !== 0) throw new Error("the dead worker's SMTP connections are still open");
    });
    inbox.release();
    for (const email of trade.emails) expect(inbox.to(email)).toHaveLength(0);
    const halfway = await outboxOf(trade.tradeId);
    expect(halfway.map((row) => [row.attempts, row.sentAt])).toEqual([
      [1, null],
      [1, null],
    ]);

    const outbox = await expectDeliveredOnceAfterRetry(trade);
    expect(outbox.map((row) => row.attempts)).toEqual([2, 2]);
  }, 90_000);

  it("killed after the server accepted, before the job was marked done: the retry sends nothing more", async () => {
    const trade = await fulfilledTrade();
    const first = await workerHeldInSmtp();
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      // The two mail jobs' rows, claimed by the worker whose SMTP transactions are held: completing them waits.
      lock: `select id from graphile_worker._private_jobs
        where id in (select id from graphile_worker.jobs where key like $1 and locked_by is not null) for update`,
      params: [`trade-mail:${trade.tradeId}:%`],
      waitingOn: "%_private_jobs%",
      run: async () => {
        inbox.release();
        return first;
      },
      beforeKill: () =>
        vi.waitFor(async () => {
          const outbox = await outboxOf(trade.tradeId);
          if (outbox.filter((row) => row.sentAt).length !== 2) throw new Error("not both accepted yet");
        }),
    });
    for (const email of trade.emails) expect(inbox.to(email)).toHaveLength(1);
    // At least one job (usually both) died accepted but not done; its retry must not mail again.
    expect(await mailJobsLeft(trade.tradeId)).toBeGreaterThan(0);

    const outbox = await expectDeliveredOnceAfterRetry(trade);
    expect(outbox.map((row) => row.attempts)).toEqual([1, 1]);
  }, 90_000);
});
