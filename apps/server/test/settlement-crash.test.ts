import { bets, createDatabase, eq, meetingSettlements, pointLedger, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { settleMeeting } from "../src/services/settlement.js";
import { startTestServer } from "./harness.js";
import { killWorkerHalfway, startWorker } from "./process-support.js";
import {
  balanceOf,
  expectLedgerConsistent,
  finish,
  placeBet,
  type Reader,
  raceMeeting,
  settled,
} from "./race-support.js";

// No in-process workers here: the tests decide who settles.
const server = await startTestServer();

/** A closed meeting: ana (first finisher) backed by ana and cal; ben backed by ben. */
async function closedRace() {
  const race = await raceMeeting(server, 3);
  const [ana, ben, cal] = race.members as [Reader, Reader, Reader];
  const place = (who: Reader, horse: Reader, stake: number) => placeBet(race.meeting.id, who, horse, stake);
  await place(ana, ana, 100);
  await place(ben, ben, 200);
  await place(cal, ana, 100);
  await finish(ana, race.meeting.id);
  await race.owner.client.trpc.meetings.start.mutate({ meetingId: race.meeting.id });
  await race.owner.client.trpc.meetings.close.mutate({ meetingId: race.meeting.id });
  return { ...race, ana, ben, cal };
}

async function ledgerKeysOf(meetingId: string) {
  const rows = await server.db
    .select({ key: pointLedger.key })
    .from(pointLedger)
    .where(eq(pointLedger.meetingId, meetingId));
  return rows.map((row) => row.key);
}

/** The closed race settled exactly once: one payout each to ana and cal, no key twice, the ledger consistent. */
async function expectPaidOnce({ meeting, ana, cal }: Awaited<ReturnType<typeof closedRace>>) {
  const keys = await ledgerKeysOf(meeting.id);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.filter((key) => key.startsWith("payout:"))).toHaveLength(2);
  // Pool 400 split evenly between the two 100-point bets on ana (the finish reward is ana's 50).
  expect(await balanceOf(server, ana.user.id)).toBe(1000 - 100 + 200 + 50);
  expect(await balanceOf(server, cal.user.id)).toBe(1000 - 100 + 200);
  await expectLedgerConsistent(server);
}

describe("settlement is exactly once", () => {
  it("two settlements racing on the same meeting: one settles, the other finds it settled", async () => {
    const closed = await closedRace();
    const { meeting } = closed;
    const second = createDatabase(server.databaseUrl, { max: 2 });
    try {
      const results = await Promise.all([settleMeeting(server.db, meeting.id), settleMeeting(second.db, meeting.id)]);
      expect(results.map((result) => result.status).sort()).toEqual(["already-settled", "settled"]);
      // A retried job later changes nothing either.
      expect((await settleMeeting(server.db, meeting.id)).status).toBe("already-settled");
    } finally {
      await second.close();
    }
    await expectPaidOnce(closed);
  });

  it("a worker killed in the middle of settling leaves nothing half done; a restarted one settles once", async () => {
    const closed = await closedRace();
    const { meeting, ana, cal } = closed;

    // Cal's balance row held: the worker's settlement stops halfway, inside its transaction, with part of the
    // payout (ana's) written but not committed when the process dies.
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      lock: "select * from point_balances where user_id = $1 for update",
      params: [cal.user.id],
      waitingOn: "%point_ledger%",
      run: () => startWorker(server.databaseUrl),
    });
    expect(await server.db.$count(meetingSettlements, eq(meetingSettlements.meetingId, meeting.id))).toBe(0);
    expect(await ledgerKeysOf(meeting.id)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^payout:/)]));
    const open = await server.db.select({ status: bets.status }).from(bets).where(eq(bets.meetingId, meeting.id));
    expect(open.every((bet) => bet.status === "open")).toBe(true);
    expect(await balanceOf(server, ana.user.id)).toBe(1000 - 100);

    // The dead worker's job stays locked; the minute sweep re-queues any meeting left unsettled.
    await server.db.execute(sql`update meetings set closed_at = now() - interval '2 minutes' where id = ${meeting.id}`);
    const second = await startWorker(server.databaseUrl);
    await server.db.execute(sql`select graphile_worker.add_job('close-due-meetings')`);
    expect(await settled(server, meeting.id)).toMatchObject({ kind: "paid", winnerIds: [ana.user.id] });
    await second.kill("SIGTERM");

    await expectPaidOnce(closed);
    // Two worker processes start (tsx): slower than the default timeout on a loaded machine.
  }, 60_000);

  it("a worker killed mid-settlement: the next worker frees its job by itself, within seconds, and settles once", async () => {
    const closed = await closedRace();
    const { meeting, cal } = closed;
    // Runners not heard from for 3 s are dead (60 s by default): the job need not wait graphile-worker's 4 hours.
    const env = { JOBS_WORKER_TIMEOUT_SECONDS: "3" };
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      lock: "select * from point_balances where user_id = $1 for update",
      params: [cal.user.id],
      waitingOn: "%point_ledger%",
      run: () => startWorker(server.databaseUrl, env),
    });
    const [job] = await server.sql<{ id: string; lockedBy: string | null; attempts: number }[]>`
      select id::text, locked_by as "lockedBy", attempts from graphile_worker.jobs where key = ${`settle:${meeting.id}`}`;
    expect(job?.lockedBy).toBeTruthy();
    expect(await server.db.$count(meetingSettlements, eq(meetingSettlements.meetingId, meeting.id))).toBe(0);

    // No sweep, no hand of the test's: the second worker alone notices the first is gone.
    const killedAt = performance.now();
    const second = await startWorker(server.databaseUrl, env);
    expect(await settled(server, meeting.id)).toMatchObject({ kind: "paid" });
    const recoveredInMs = performance.now() - killedAt;
    console.log(`the dead worker's settlement ran again ${Math.round(recoveredInMs)} ms after the kill`);
    expect(recoveredInMs).toBeLessThan(30_000);
    expect(second.output.join("")).toContain("unlocked the jobs of workers that died");
    // The same job, run a second time, and gone once done: the worker deletes it just after the task commits,
    // in a statement of its own, so the settlement can show a moment before the job is gone.
    const jobRows = async () =>
      (await server.sql`select 1 from graphile_worker.jobs where id = ${job?.id ?? "0"}::bigint`).length;
    await expect.poll(jobRows, { timeout: 10_000 }).toBe(0);
    await second.kill("SIGTERM");
    await expectPaidOnce(closed);
  }, 60_000);
});
