import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, migrationsFolder, withDatabase } from "@booky/db";
import postgres from "postgres";
import { afterAll, inject } from "vitest";

/** Changes with any migration's text, so an edited migration never reuses a stale template. */
function migrationsFingerprint(): string {
  const hash = createHash("sha256").update(readFileSync(path.join(migrationsFolder, "meta", "_journal.json")));
  for (const file of readdirSync(migrationsFolder)
    .filter((name) => name.endsWith(".sql"))
    .sort()) {
    hash.update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * A migrated database to clone from, named after the migration history so a
 * long-lived server (CI's PostgreSQL) never clones a stale schema.
 */
export async function prepareTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `booky_template_${migrationsFingerprint()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext('booky:template'))`;
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!existing) {
      await admin.unsafe(`create database "${name}_building"`).catch(async () => {
        await admin.unsafe(`drop database "${name}_building"`);
        await admin.unsafe(`create database "${name}_building"`);
      });
      await migrateDatabase(withDatabase(adminUrl, `${name}_building`));
      await admin.unsafe(`alter database "${name}_building" rename to "${name}"`);
    }
    return name;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database cloned from the template: one per test file, dropped after. */
export async function createTestDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `booky_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Two clones may start at once; PostgreSQL refuses while the template is busy.
        if (attempt >= 20 || !String(error).includes("being accessed")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

/**
 * This test file's own database, cloned from the template the global setup
 * prepared (global-setup.ts), dropped after the file's tests unless the
 * caller drops it first (dropping twice is harmless).
 */
export async function fileDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(inject("adminDatabaseUrl"), inject("templateDatabase"));
  afterAll(database.drop);
  return database;
}

/** Provided once per run by global-setup.ts. */
declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
