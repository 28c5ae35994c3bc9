// Fills a bench database with realistic, skewed data, set-based.
// Run: pnpm bench:seed --scale 1   (or --smoke for a tiny one)
import { parseArgs } from "node:util";
import { migrateDatabase } from "@booky/db";
import { openBenchServer } from "./database.js";
import { seedBenchData } from "./seed/index.js";
import { SMOKE_SCALE, seedPlan } from "./seed/plan.js";
import { printSeedSummary, tableSizes } from "./seed/summary.js";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1" }, smoke: { type: "boolean", default: false } },
});
const scale = values.smoke ? "smoke" : Number(values.scale);
const plan = seedPlan(scale === "smoke" ? SMOKE_SCALE : scale);

const server = await openBenchServer();
try {
  const name = server.databaseName(scale);
  const url = server.urlOf(name);
  console.log(
    `Seeding ${name} (scale ${plan.scale}) on ${server.embedded ? "the embedded PostgreSQL" : "DATABASE_URL's server"}`,
  );
  await server.recreate(name);
  await migrateDatabase(url);
  const result = await seedBenchData(url, plan);
  printSeedSummary(result, await tableSizes(url));
} finally {
  await server.stop();
}
