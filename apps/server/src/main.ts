import { createDatabase, leaveShutdownToCaller, migrateDatabase, resolveDatabase } from "@booky/db";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { loadConfigOrExit } from "./config.js";
import { seedDemoCommunity } from "./demo/community.js";
import { startJobRunner } from "./jobs/runner.js";

const startedAt = performance.now();

const config = loadConfigOrExit();
const resolved = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(
  (error: unknown) => {
    // PostgreSQL's own words (embedded.ts collects them), not a bare stack.
    console.error(`Booky could not start its database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
// closeWithGrace below stops the embedded PostgreSQL last, after requests and jobs are done.
leaveShutdownToCaller();
await migrateDatabase(resolved.url);
const database = createDatabase(resolved.url, { max: config.DATABASE_POOL_MAX });
if (config.SEED_DEMO_DATA) await seedDemoCommunity(database.db, { publicUrl: config.PUBLIC_URL });

const app = await buildApp({ config, database });
const jobs = config.JOBS_IN_PROCESS
  ? await startJobRunner({
      connectionString: resolved.url,
      db: database.db,
      log: app.log,
      config,
      concurrency: config.JOBS_CONCURRENCY,
    })
  : null;

// Once shutting down, in-flight requests are answered with `Connection: close`: a keep-alive socket
// that was busy when the close began would otherwise hold it open until the client hangs up.
let closing = false;
app.addHook("onSend", (_request, reply, payload, done) => {
  if (closing) reply.header("connection", "close");
  done(null, payload);
});

// Shutdown order: stop accepting and finish the requests in flight, then the jobs, then the database.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  closing = true;
  await app.close();
  await jobs?.stop();
  await database.close();
  await resolved.embedded?.stop();
  app.log.info("stopped");
});

const address = await app.listen({ host: config.HOST, port: config.PORT });
// PORT=0 picks a free port: say the one it picked (tests and supervisors read `address`).
const port = new URL(address).port;
const shownHost = config.HOST === "0.0.0.0" || config.HOST === "127.0.0.1" ? "localhost" : config.HOST;
app.log.info(
  {
    address,
    database: resolved.embedded ? "embedded" : "DATABASE_URL",
    startupMs: Math.round(performance.now() - startedAt),
  },
  `Booky is ready at http://${shownHost}:${port}`,
);
