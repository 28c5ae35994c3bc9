import path from "node:path";
import { defaultDataDir, startEmbeddedPostgres } from "@booky/db";
import { prepareTemplateDatabase } from "@booky/db/testing";
import type { TestProject } from "vitest/node";

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL or DATABASE_URL when set
 * (CI uses the machine's server), else an embedded one. Each test file then
 * clones its own database from a migrated template.
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded = given ? null : await startEmbeddedPostgres({ dir: path.join(defaultDataDir, "test-postgres") });
  const adminUrl = given ?? (embedded as NonNullable<typeof embedded>).url;
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", await prepareTemplateDatabase(adminUrl));
  return async () => {
    await embedded?.stop();
  };
}
