import path from "node:path";
import { defaultDataDir, startEmbeddedPostgres } from "@booky/db";
import type { TestProject } from "vitest/node";
import { prepareTemplateDatabase } from "./database.js";

interface SharedDatabase {
  adminUrl: string;
  template: string;
  stop: () => Promise<void>;
  users: number;
}

const KEY = Symbol.for("booky.test-database");
const shared = globalThis as { [KEY]?: Promise<SharedDatabase> };

async function startSharedDatabase(): Promise<SharedDatabase> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded = given ? null : await startEmbeddedPostgres({ dir: path.join(defaultDataDir, "test-postgres") });
  const adminUrl = given ?? (embedded as NonNullable<typeof embedded>).url;
  const template = await prepareTemplateDatabase(adminUrl);
  return { adminUrl, template, stop: async () => embedded?.stop(), users: 0 };
}

/**
 * One PostgreSQL for the whole run, shared by every project that names this
 * setup: TEST_DATABASE_URL or DATABASE_URL when set (CI uses the machine's
 * server), else an embedded one. Each test file then clones its own database
 * from a migrated template (`fileDatabase()` in database.ts).
 *
 * Projects name it in their vitest config's `globalSetup`: as
 * "@booky/testing/global-setup" where the package depends on @booky/testing,
 * by path from packages/db (which @booky/testing itself depends on).
 */
export default async function setup(project: TestProject) {
  shared[KEY] ??= startSharedDatabase();
  const database = await shared[KEY];
  database.users += 1;
  project.provide("adminDatabaseUrl", database.adminUrl);
  project.provide("templateDatabase", database.template);
  return async () => {
    database.users -= 1;
    if (database.users === 0) {
      delete shared[KEY];
      await database.stop();
    }
  };
}
