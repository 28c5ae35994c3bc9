import path from "node:path";
import { type Database, defaultDataDir } from "@booky/db";
import type { FastifyBaseLogger } from "fastify";
import { Logger, run } from "graphile-worker";
import { Registry } from "prom-client";
import type { Config } from "../config.js";
import { createBookMetadata } from "../services/books/book-metadata.js";
import { llmClientFromConfig } from "../services/llm-client.js";
import { createMailer } from "../services/mailer.js";
import { startRunnerLiveness } from "./runner-liveness.js";
import { createTaskList, crontab } from "./tasks.js";

export interface JobRunnerOptions {
  connectionString: string;
  db: Database;
  log: FastifyBaseLogger;
  /** For the jobs' mail (notifications, digests, trades, loans) and the Books API (imports). */
  config: Config;
  concurrency?: number;
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
 * of processes may run this side by side; each registers its workers and
 * frees the jobs of runners that died (`runner-liveness.ts`).
 */
export async function startJobRunner(options: JobRunnerOptions) {
  const mailer = createMailer({
    smtpUrl: options.config.SMTP_URL,
    from: options.config.MAIL_FROM,
    mailDir: path.join(options.config.DATA_DIR ?? defaultDataDir, "mail"),
    log: options.log,
  });
  // The imports' Books API client, with its own metrics registry (a worker process serves no /metrics).
  const bookMetadata = createBookMetadata({
    config: options.config,
    db: options.db,
    registry: new Registry(),
    log: options.log,
  });
  const liveness = await startRunnerLiveness(options.db, options.log, options.config.JOBS_WORKER_TIMEOUT_SECONDS);
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList(
      options.db,
      options.log,
      { mailer, config: options.config, bookMetadata },
      llmClientFromConfig(options.config),
    ),
    crontab,
    logger: pinoLogger(options.log),
    events: liveness.events,
  });
  return {
    stop: async () => {
      await runner.stop();
      await liveness.stop();
      mailer.close();
      bookMetadata.close();
    },
    promise: runner.promise,
  };
}

export type JobRunner = Awaited<ReturnType<typeof startJobRunner>>;
