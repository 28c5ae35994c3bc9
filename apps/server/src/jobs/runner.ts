import type { Database } from "@booky/db";
import type { FastifyBaseLogger } from "fastify";
import { Logger, run } from "graphile-worker";
import type { LlmClient } from "../services/llm-client.js";
import { createTaskList, crontab } from "./tasks.js";

export interface JobRunnerOptions {
  connectionString: string;
  db: Database;
  log: FastifyBaseLogger;
  concurrency?: number;
  /** Writes review summaries when configured (`llmClientFromConfig`); the built-in summary otherwise. */
  llm?: LlmClient | null;
}

/** graphile-worker's log lines through our pino logger. */
function pinoLogger(log: FastifyBaseLogger): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const child = log.child({ component: "jobs", ...scope });
    const method = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    child[method]({ ...meta }, message);
  });
}

/**
 * Runs the queue's workers (settlement, the meeting sweep, leaderboard
 * refreshes) until `stop()`. Jobs are claimed with row locks, so any number
 * of processes may run this side by side.
 */
export async function startJobRunner(options: JobRunnerOptions) {
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList(options.db, options.log, options.llm ?? null),
    crontab,
    logger: pinoLogger(options.log),
  });
  return { stop: () => runner.stop(), promise: runner.promise };
}

export type JobRunner = Awaited<ReturnType<typeof startJobRunner>>;
