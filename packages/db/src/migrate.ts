import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations as runQueueMigrations } from "graphile-worker";
import postgres from "postgres";
import { migrationsFolder } from "./paths.js";

const quiet = new Logger(() => () => {});

/**
 * Applies every committed migration not yet applied, then the job queue's own
 * schema (graphile-worker, in `graphile_worker`); safe to run at each start.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Serialise concurrent starts (several servers, parallel test setups).
    await client`select pg_advisory_lock(hashtext('booky:migrations'))`;
    await migrate(drizzle({ client }), { migrationsFolder });
    await runQueueMigrations({ connectionString: url, logger: quiet });
  } finally {
    await client.end({ timeout: 5 });
  }
}
