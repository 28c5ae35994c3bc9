/**
 * A job-queue worker without the HTTP server, for deployments that run
 * settlement and sweeps in their own processes (`node dist/worker.js`, with
 * JOBS_IN_PROCESS=false on the servers). Needs DATABASE_URL.
 */
import { createDatabase } from "@booky/db";
import closeWithGrace from "close-with-grace";
import pino from "pino";
import { loadConfigOrExit } from "./config.js";
import { startJobRunner } from "./jobs/runner.js";

const config = loadConfigOrExit();
if (!config.DATABASE_URL) {
  console.error("Invalid configuration:\n  DATABASE_URL: a worker needs it");
  process.exit(1);
}
const databaseUrl = config.DATABASE_URL;
const log = pino({ level: config.LOG_LEVEL });
const database = createDatabase(databaseUrl, { max: config.JOBS_CONCURRENCY + 1 });
const jobs = await startJobRunner({
  connectionString: databaseUrl,
  db: database.db,
  log,
  config,
  concurrency: config.JOBS_CONCURRENCY,
});
log.info({ concurrency: config.JOBS_CONCURRENCY }, "worker started");

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, "worker stopping after an error");
  else log.info({ signal }, "worker stopping");
  await jobs.stop();
  await database.close();
});
