import { inArray, mailDeliveries } from "@booky/db";
import { resetLinkIn, startSmtpInbox } from "@booky/testing";
import { describe, expect, it, vi } from "vitest";
import { enqueueJob } from "../src/services/jobs.js";
import { fulfilTrade } from "../src/services/trades-fulfilment.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { type BookyProcess, killWorkerHalfway, startWorker } from "./process-support.js";
import { type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf } from "./trades-support.js";

// No in-process workers: worker processes send the mail, and one is killed mid-send. A worker frees the jobs of a
// runner not heard from for JOBS_WORKER_TIMEOUT_SECONDS, so the retry needs no hand of the test's.
const inbox = await startSmtpInbox();
const server = await startTestServer({ env: { SMTP_URL: inbox.url } });
const workerEnv = { SMTP_URL: inbox.url, JOBS_WORKER_TIMEOUT_SECONDS: "3" };

/** Mail jobs queued and not yet run: their ids, the outbox keys they write, who gets one message each. */
interface OwedMail {
  jobIds: string[];
  outboxKeys: string[];
  recipients: string[];
}

const jobIdsWhere = async (task: string, key: string | null, email: string | null = null) =>
  (
    await server.sql<{ id: string }[]>`select j.id::text from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${task} and (${key}::text is null or j.key like ${key})
        and (${email}::text is null or j.payload->>'email' = ${email}) order by j.id`
  ).map((row) => row.id);

/** A fulfilled one-for-one trade: its two mails (one per side) queued, not sent. */
async function tradeMails(): Promise<OwedMail> {
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
  return {
    jobIds: await jobIdsWhere("send-trade-mail", `trade-mail:${proposal.id}:%`),
    outboxKeys: [ana.user.id, ben.user.id].map((id) => `trade-mail:${proposal.id}:${id}`),
    recipients: [ana.details.email, ben.details.email],
  };
}

/** A member with two friend requests waiting for the daily digest, and its job queued. */
async function digestMail(): Promise<OwedMail> {
  const member = await signedUpClient(server);
  for (let index = 0; index < 2; index++) {
    const friend = await signedUpClient(server);
    await friend.client.trpc.friends.request.mutate({ username: member.user.username });
  }
  await enqueueJob(server.db, "send-digest", { userId: member.user.id }, { jobKey: `digest:${member.user.id}` });
  const jobIds = await jobIdsWhere("send-digest", `digest:${member.user.id}`);
  return { jobIds, outboxKeys: jobIds.map((id) => `digest:${id}`), recipients: [member.details.email] };
}

/** A member who asked for a password reset: its job queued. */
async function resetMail(): Promise<OwedMail> {
  const member = await signedUpClient(server);
  await server.client().trpc.auth.requestPasswordReset.mutate({ email: member.details.email });
  const jobIds = await jobIdsWhere("send-password-reset", null, member.details.email);
  return { jobIds, outboxKeys: jobIds.map((id) => `password-reset:${id}`), recipients: [member.details.email] };
}

const outboxOf = (owed: OwedMail) =>
  server.db
    .select({ key: mailDeliveries.key, attempts: mailDeliveries.attempts, sentAt: mailDeliveries.sentAt })
    .from(mailDeliveries)
    .where(inArray(mailDeliveries.key, owed.outboxKeys))
    .orderBy(mailDeliveries.key);

const jobsLeft = async (owed: OwedMail) =>
  (await server.sql`select count(*)::int as n from graphile_worker.jobs where id = any(${owed.jobIds}::bigint[])`)[0]
    ?.n;

/** A fresh worker (after a kill: freeing the dead one's jobs) runs them: each recipient holds exactly one message. */
async function expectDeliveredOnceAfterRetry(owed: OwedMail, { afterKill = true } = {}) {
  const second = await startWorker(server.databaseUrl, workerEnv);
  await vi.waitFor(
    async () => {
      if ((await jobsLeft(owed)) !== 0) throw new Error(`mail jobs still queued:\n${second.output.join("")}`);
    },
    { timeout: 30_000, interval: 100 },
  );
  if (afterKill) expect(second.output.join("")).toContain("unlocked the jobs of workers that died");
  await second.kill("SIGTERM");
  for (const email of owed.recipients) expect(inbox.to(email)).toHaveLength(1);
  const outbox = await outboxOf(owed);
  expect(outbox).toHaveLength(owed.outboxKeys.length);
  expect(outbox.every((row) => row.sentAt !== null)).toBe(true);
  return outbox;
}

/** A worker started while the inbox holds messages: once it returns, every owed mail's SMTP transaction is open. */
async function workerHeldInSmtp(owed: OwedMail): Promise<BookyProcess> {
  inbox.hold();
  const worker = await startWorker(server.databaseUrl, workerEnv);
  const count = owed.recipients.length;
  await vi.waitFor(
    () => {
      if (inbox.held() !== count) {
        throw new Error(`${inbox.held()} of ${count} messages held:\n${worker.output.join("")}`);
      }
    },
    { timeout: 30_000, interval: 50 },
  );
  return worker;
}

const cases = [
  ["a trade's two mails", tradeMails],
  ["a daily digest", digestMail],
  ["a password reset", resetMail],
] as const;

describe.each(cases)("%s is delivered exactly once when its worker is killed mid-send", (_name, owe) => {
  it("killed inside the SMTP transaction, before the server accepted: the retry sends each mail once", async () => {
    const owed = await owe();
    expect(owed.jobIds).toHaveLength(owed.outboxKeys.length);
    const first = await workerHeldInSmtp(owed);
    await first.kill("SIGKILL");
    await vi.waitFor(() => {
      if (inbox.held() !== 0) throw new Error("the dead worker's SMTP connections are still open");
    });
    inbox.release();
    for (const email of owed.recipients) expect(inbox.to(email)).toHaveLength(0);
    const halfway = await outboxOf(owed);
    expect(halfway.map((row) => [row.attempts, row.sentAt])).toEqual(owed.outboxKeys.map(() => [1, null]));

    const outbox = await expectDeliveredOnceAfterRetry(owed);
    expect(outbox.map((row) => row.attempts)).toEqual(owed.outboxKeys.map(() => 2));
  }, 90_000);

  it("killed after the server accepted, before the job was marked done: the retry sends nothing more", async () => {
    const owed = await owe();
    const first = await workerHeldInSmtp(owed);
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      // The mail jobs' rows, claimed by the worker whose SMTP transactions are held: completing them waits.
      lock: "select id from graphile_worker._private_jobs where id = any($1::bigint[]) for update",
      params: [`{${owed.jobIds.join(",")}}`],
      waitingOn: "%_private_jobs%",
      run: async () => {
        inbox.release();
        return first;
      },
      beforeKill: () =>
        vi.waitFor(async () => {
          const outbox = await outboxOf(owed);
          if (outbox.filter((row) => row.sentAt).length !== owed.outboxKeys.length) throw new Error("not all accepted");
        }),
    });
    for (const email of owed.recipients) expect(inbox.to(email)).toHaveLength(1);
    // At least one job died accepted but not done; its retry must not mail again.
    expect(await jobsLeft(owed)).toBeGreaterThan(0);

    const outbox = await expectDeliveredOnceAfterRetry(owed);
    expect(outbox.map((row) => row.attempts)).toEqual(owed.outboxKeys.map(() => 1));
  }, 90_000);
});

describe("what the outbox keeps of a reset mail", () => {
  it("the one link mailed works; once sent, the outbox holds the envelope and not the link", async () => {
    const owed = await resetMail();
    await expectDeliveredOnceAfterRetry(owed, { afterKill: false });
    const [mail] = inbox.to(owed.recipients[0] ?? "");
    const token = resetLinkIn(mail as NonNullable<typeof mail>).searchParams.get("token") ?? "";
    await server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "a brand new passphrase 77" });
    const [row] = await server.db
      .select({ message: mailDeliveries.message })
      .from(mailDeliveries)
      .where(inArray(mailDeliveries.key, owed.outboxKeys));
    expect(row?.message).toMatchObject({ to: owed.recipients[0], subject: "Reset your Booky password", text: "" });
    expect(JSON.stringify(row?.message)).not.toContain(token);
  }, 60_000);
});
