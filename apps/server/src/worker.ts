/**
 * A job-queue worker without the HTTP server, for deployments that run
 * settlement and sweeps in their own processes (`node dist/worker.js`, with
 * JOBS_IN_PROCESS=false on the servers). Needs DATABASE_URL.
 */
import { createDatabase } from "@booky/db";
import closeWithGrace from "close-with-grace";
import pino from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { startJobRunner } from "./jobs/runner.js";

function readConfig() {
  try {
    const config = loadConfig();
    if (!config.DATABASE_URL) throw new ConfigError("Invalid configuration:\n  DATABASE_URL: a worker needs it");
    return { ...config, DATABASE_URL: config.DATABASE_URL };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const log = pino({ level: config.LOG_LEVEL });
const database = createDatabase(config.DATABASE_URL, { max: config.JOBS_CONCURRENCY + 1 });
const jobs = await startJobRunner({
  connectionString: config.DATABASE_URL,
  db: database.db,
  log,
  concurrency: config.JOBS_CONCURRENCY,
});
log.info({ concurrency: config.JOBS_CONCURRENCY }, "worker started");

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, "worker stopping after an error");
  else log.info({ signal }, "worker stopping");
  await jobs.stop();
  await database.close();
});
