import type { FastifyBaseLogger } from "fastify";

/**
 * Work that must not delay (or, by its timing, reveal anything in) a response,
 * such as mailing a reset link. Tracked so shutdown waits for it to finish.
 */
export function createBackgroundTasks(log: FastifyBaseLogger) {
  const pending = new Set<Promise<void>>();

  function run(name: string, task: () => Promise<void>): void {
    const promise = Promise.resolve()
      .then(task)
      .catch((error: unknown) => log.error({ err: error, task: name }, "background task failed"))
      .finally(() => pending.delete(promise));
    pending.add(promise);
  }

  async function drain(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  return { run, drain };
}

export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;
