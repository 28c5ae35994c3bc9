import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, migrateDatabase, seedDemoData, startEmbeddedPostgres } from "@booky/db";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { backupCli, ledgerMismatches, tableContents } from "./backup-support.js";

/**
 * `pnpm db:backup` / `pnpm db:restore` for `npm start`'s embedded PostgreSQL
 * (no DATABASE_URL; its package ships no pg_dump): a copy of the stopped
 * cluster. Backed up, wiped, restored: every row is back and every balance
 * equals its ledger.
 */
const dataDir = await mkdtemp(path.join(tmpdir(), "booky-backup-embedded-"));
// As root, PostgreSQL runs as the `postgres` user, which must reach its folder inside.
await chmod(dataDir, 0o755);
const clusterDir = path.join(dataDir, "postgres");
const env = { DATA_DIR: dataDir };
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Runs `task` on the embedded cluster under `dataDir`, then stops it (as Booky would be, before a backup). */
async function onCluster<T>(task: (url: string) => Promise<T>): Promise<T> {
  const embedded = await startEmbeddedPostgres({ dir: clusterDir, onEvent: () => {} });
  try {
    return await task(embedded.url);
  } finally {
    await embedded.stop();
  }
}

describe("backup and restore of the embedded database", () => {
  const file = path.join(dataDir, "backups", "booky.tar.gz");

  it("backs up, and after a wipe restores every row, balances equal to their ledgers", async () => {
    const before = await onCluster(async (url) => {
      await migrateDatabase(url);
      const { db, close } = createDatabase(url, { max: 1 });
      await seedDemoData(db).finally(close);
      return tableContents(url);
    });
    expect(before["public.point_ledger"]).not.toMatch(/^0 rows/);

    const backup = await backupCli("backup", file, env);
    expect(backup.stdout).toContain(`Backed up to ${file}`);

    // The wipe: every table gone, the migration history too.
    await onCluster(async (url) => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql
        .unsafe(
          "drop schema public cascade; drop schema if exists drizzle, graphile_worker cascade; create schema public",
        )
        .finally(() => sql.end());
      expect(await tableContents(url)).toEqual({});
    });

    const restore = await backupCli("restore", file, env);
    expect(restore.stdout).toContain(
      `Restored ${file}; the database it replaced is kept in ${clusterDir}.before-restore-`,
    );

    const after = await onCluster(async (url) => {
      expect(await ledgerMismatches(url)).toEqual([]);
      return tableContents(url);
    });
    expect(after).toEqual(before);
  });

  it("refuses a file that is not a cluster copy and leaves the cluster as it was", async () => {
    const bogus = path.join(dataDir, "not-a-backup.tar.gz");
    // gzip's magic bytes, then nothing a tar reader accepts.
    await writeFile(bogus, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]));
    const failure = await backupCli("restore", bogus, env).catch((error: { stderr: string }) => error);
    expect((failure as { stderr: string }).stderr).toMatch(/is not a copy of an embedded Booky database/);
    expect(existsSync(path.join(clusterDir, "PG_VERSION"))).toBe(true);
    expect(await onCluster(ledgerMismatches)).toEqual([]);
  });

  it("refuses a copy of the embedded cluster when DATABASE_URL is set", async () => {
    const failure = await backupCli("restore", file, {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    }).catch((error: { stderr: string }) => error);
    expect((failure as { stderr: string }).stderr).toContain("is a copy of an embedded database");
  });
});
