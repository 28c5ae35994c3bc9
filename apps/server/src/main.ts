import { createDatabase, migrateDatabase, resolveDatabase } from "@booky/db";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { loadConfigOrExit } from "./config.js";
import { seedDemoCommunity } from "./demo/community.js";
import { startJobRunner } from "./jobs/runner.js";

const startedAt = performance.now();

const config = loadConfigOrExit();
const resolved = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
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

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
  await jobs?.stop();
  await database.close();
  await resolved.embedded?.stop();
});

await app.listen({ host: config.HOST, port: config.PORT });
const shownHost = config.HOST === "0.0.0.0" || config.HOST === "127.0.0.1" ? "localhost" : config.HOST;
app.log.info(
  {
    database: resolved.embedded ? "embedded" : "DATABASE_URL",
    startupMs: Math.round(performance.now() - startedAt),
  },
  `Booky is ready at http://${shownHost}:${config.PORT}`,
);
