import { jobRunners, mailDeliveries, sql } from "@booky/db";
import { describe, expect, it, vi } from "vitest";
import { unlockDeadWorkers } from "../src/jobs/runner-liveness.js";
import { crontab } from "../src/jobs/tasks.js";
import { enqueueJob } from "../src/services/jobs.js";
import { queueMail } from "../src/services/mail-outbox.js";
import { startTestServer } from "./harness.js";

// Jobs in process: this server is itself a registered runner, beating every 10 s (timeout 40 s). The tests call
// the recovery with a shorter timeout (4 s) of their own, so the server's own beats never race them.
const server = await startTestServer({
  jobs: true,
  env: { JOBS_WORKER_TIMEOUT_SECONDS: "40", MAIL_OUTBOX_RETENTION_DAYS: "7" },
});

/** A job nobody will run (no such task here), locked as a worker would lock it, `lockedAgo` ago. */
async function lockedJob(workerId: string, lockedAgo: string) {
  const [job] = await server.sql<{ id: string }[]>`
    select id::text from graphile_worker.add_job('no-such-task', '{}'::json, run_at => now() + interval '1 day')`;
  await server.sql`update graphile_worker._private_jobs
    set locked_by = ${workerId}, locked_at = now() - ${lockedAgo}::interval where id = ${job?.id ?? "0"}::bigint`;
  return job?.id ?? "";
}

const lockOf = async (jobId: string) =>
  (
    await server.sql<{ lockedBy: string | null }[]>`
    select locked_by as "lockedBy" from graphile_worker.jobs where id = ${jobId}::bigint`
  )[0]?.lockedBy;

describe("job runners free the jobs of runners that died", () => {
  it("this server registered itself with its workers' ids and keeps its row fresh", async () => {
    const rows = await server.db.select().from(jobRunners);
    expect(rows).toHaveLength(1);
    // graphile-worker locks a job in its pool's name (`pool-…`); the workers' own ids are listed too.
    expect(rows[0]?.workerIds).toEqual(expect.arrayContaining([expect.stringMatching(/^pool-/)]));
    const first = rows[0]?.seenAt.getTime() ?? 0;
    await vi.waitFor(
      async () => {
        const [row] = await server.db.select().from(jobRunners);
        if ((row?.seenAt.getTime() ?? 0) <= first) throw new Error("no heartbeat yet");
      },
      { timeout: 15_000, interval: 100 },
    );
  }, 20_000);

  it("a job held by a live runner is left alone however long it runs; once the runner is silent, it is freed", async () => {
    const log = server.app.log;
    await server.db.insert(jobRunners).values({ id: "other-runner", workerIds: ["worker-alive"] });
    const jobId = await lockedJob("worker-alive", "1 hour");
    expect(await unlockDeadWorkers(server.db, log, 4)).toEqual([]);
    expect(await lockOf(jobId)).toBe("worker-alive");

    await server.db.execute(sql`update ${jobRunners} set seen_at = now() - interval '5 seconds'
      where id = 'other-runner'`);
    expect(await unlockDeadWorkers(server.db, log, 4)).toEqual(["worker-alive"]);
    expect(await lockOf(jobId)).toBeNull();
    // The dead runner's row went with its jobs.
    expect((await server.db.select().from(jobRunners)).map((row) => row.id)).not.toContain("other-runner");
  });

  it("a lock by a worker no runner ever listed is freed only once it is older than the timeout", async () => {
    const log = server.app.log;
    const fresh = await lockedJob("worker-unlisted-fresh", "1 second");
    const old = await lockedJob("worker-unlisted-old", "10 seconds");
    expect(await unlockDeadWorkers(server.db, log, 4)).toEqual(["worker-unlisted-old"]);
    expect(await lockOf(fresh)).toBe("worker-unlisted-fresh");
    expect(await lockOf(old)).toBeNull();
  });
});

describe("the daily prune of the mail outbox", () => {
  it("is on the crontab, and removes delivered mail older than MAIL_OUTBOX_RETENTION_DAYS, nothing else", async () => {
    expect(crontab).toMatch(/^\S+ \S+ \* \* \* prune-mail-outbox$/m);
    const mail = { to: "reader@example.com", subject: "Hello", text: "Hi", html: "<p>Hi</p>" };
    const rows = { oldSent: "8 days", recentSent: "6 days", oldUnsent: null } as const;
    for (const [key, sentAgo] of Object.entries(rows)) {
      await queueMail(server.db, `prune-test:${key}`, mail);
      await server.db.execute(sql`update ${mailDeliveries}
        set created_at = now() - interval '9 days',
            sent_at = case when ${sentAgo}::interval is null then null else now() - ${sentAgo}::interval end
        where key = ${`prune-test:${key}`}`);
    }
    await enqueueJob(server.db, "prune-mail-outbox", {});
    await vi.waitFor(
      async () => {
        const [left] = await server.sql`select 1 from graphile_worker.jobs
          where task_identifier = 'prune-mail-outbox'`;
        if (left) throw new Error("the prune has not run yet");
      },
      { timeout: 15_000, interval: 100 },
    );
    const kept = await server.db.select({ key: mailDeliveries.key }).from(mailDeliveries).orderBy(mailDeliveries.key);
    expect(kept.map((row) => row.key)).toEqual(["prune-test:oldUnsent", "prune-test:recentSent"]);
  });
});
