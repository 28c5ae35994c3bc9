import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { type Database, jobRunners, sql } from "@booky/db";
import type { FastifyBaseLogger } from "fastify";
import type { WorkerEvents } from "graphile-worker";

/**
 * A killed worker's jobs stay locked in its workers' names, and graphile-worker
 * only frees them after four hours. Each runner therefore registers its
 * workers' ids (`job_runners`) and refreshes the row every quarter of
 * `timeoutSeconds`; on every beat it also looks for jobs locked by workers no
 * fresh row lists, locked longer than the timeout, and hands those ids to
 * graphile-worker's `force_unlock_workers`, so the jobs run again within about
 * the timeout. A runner stalled longer than the timeout (its event loop
 * blocked) counts as dead too: its jobs may run a second time, which every
 * Booky job survives (settlement, trades and mail are exactly once by their own
 * keys).
 */
export async function startRunnerLiveness(db: Database, log: FastifyBaseLogger, timeoutSeconds: number) {
  const id = randomUUID();
  const workerIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  const beat = async () => {
    const ids = [...workerIds];
    await db
      .insert(jobRunners)
      .values({ id, workerIds: ids })
      .onConflictDoUpdate({ target: jobRunners.id, set: { workerIds: ids, seenAt: sql`now()` } });
  };
  const register = (workerId: string) => {
    workerIds.add(workerId);
    beat().catch((error: unknown) => log.warn({ err: error }, "job runner registration failed"));
  };
  events.on("pool:create", ({ workerPool }) => register(workerPool.id));
  events.on("worker:create", ({ worker }) => register(worker.workerId));

  await beat();
  await unlockDeadWorkers(db, log, timeoutSeconds);
  const timer = setInterval(
    () => {
      beat()
        .then(() => unlockDeadWorkers(db, log, timeoutSeconds))
        .catch((error: unknown) => log.warn({ err: error }, "job runner heartbeat failed"));
    },
    (timeoutSeconds * 1000) / 4,
  );
  timer.unref();
  return {
    id,
    events,
    /** After the runner stopped (graphile-worker unlocks its own jobs on a graceful stop): the row goes. */
    async stop() {
      clearInterval(timer);
      await db.delete(jobRunners).where(sql`${jobRunners.id} = ${id}`);
    },
  };
}

/**
 * Unlocks the jobs of workers that are gone: locked longer than the timeout by
 * an id that no runner seen within the timeout lists. Answers the ids freed.
 */
export async function unlockDeadWorkers(db: Database, log: FastifyBaseLogger, timeoutSeconds: number) {
  const freed = await db.transaction(async (tx) => {
    const dead = await tx.execute<{ locked_by: string }>(sql`
      select distinct j.locked_by from graphile_worker.jobs j
      where j.locked_by is not null and j.locked_at < now() - make_interval(secs => ${timeoutSeconds})
        and not exists (
          select 1 from ${jobRunners} r
          where r.seen_at >= now() - make_interval(secs => ${timeoutSeconds}) and j.locked_by = any(r.worker_ids))`);
    const ids = dead.map((row) => row.locked_by);
    if (ids.length > 0) {
      const list = sql.join(
        ids.map((workerId) => sql`${workerId}`),
        sql`, `,
      );
      await tx.execute(sql`select graphile_worker.force_unlock_workers(array[${list}]::text[])`);
    }
    await tx.delete(jobRunners).where(sql`${jobRunners.seenAt} < now() - make_interval(secs => ${timeoutSeconds})`);
    return ids;
  });
  if (freed.length > 0) log.warn({ workerIds: freed }, "unlocked the jobs of workers that died");
  return freed;
}
