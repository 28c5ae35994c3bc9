import { migrateDatabase } from "../migrate.js";
import { withResolvedDatabase } from "./run.js";

await withResolvedDatabase(async (url) => {
  await migrateDatabase(url);
  console.log("Migrations applied.");
});
