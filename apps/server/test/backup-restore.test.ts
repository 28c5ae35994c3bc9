import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { withDatabase } from "@booky/db";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { settleMeeting } from "../src/services/settlement.js";
import { backupCli, ledgerMismatches, tableContents } from "./backup-support.js";
import { startTestServer } from "./harness.js";
import { bettingRace, closeRace } from "./race-support.js";

/**
 * `pnpm db:backup` and `pnpm db:restore` (packages/db/src/cli) on a populated
 * database: restored into a fresh, empty one, every table has the same rows
 * and every balance still equals its ledger.
 */
// No job runner: nothing may change between the snapshot and the backup (the test settles the race itself).
const server = await startTestServer();
const folder = await mkdtemp(path.join(tmpdir(), "booky-backup-"));
const adminUrl = inject("adminDatabaseUrl");
const freshName = `booky_restore_${randomBytes(5).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
afterAll(async () => {
  await admin.unsafe(`drop database if exists "${freshName}" with (force)`);
  await admin.end();
  await rm(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores a populated database into a fresh one: same rows everywhere, balances equal their ledgers", async () => {
    // Populate: a club, a meeting, bets, progress, a settled race (ledger entries of every kind).
    const race = await bettingRace(server, 3);
    await closeRace(race);
    expect((await settleMeeting(server.db, race.meeting.id)).status).toBe("settled");
    const before = await tableContents(server.databaseUrl);
    expect(before["public.point_ledger"]).not.toMatch(/^0 rows/);

    const file = path.join(folder, "booky.dump");
    const backup = await backupCli("backup", file, { DATABASE_URL: server.databaseUrl });
    expect(backup.stdout).toContain(`Backed up to ${file}`);
    expect((await stat(file)).size).toBeGreaterThan(1000);

    await admin.unsafe(`create database "${freshName}"`);
    const freshUrl = withDatabase(adminUrl, freshName);
    const restore = await backupCli("restore", file, { DATABASE_URL: freshUrl });
    expect(restore.stdout).toContain(`Restored ${file}`);

    const after = await tableContents(freshUrl);
    console.log(
      `restored ${Object.keys(after).length} tables: ` +
        `${Object.entries(after)
          .filter(([name]) => name.startsWith("public."))
          .map(([name, value]) => `${name.slice(7)} ${value.split(",")[0]}`)
          .join(", ")}`,
    );
    expect(after).toEqual(before);
    expect(await ledgerMismatches(freshUrl)).toEqual([]);
  });

  it("refuses a file that is not a backup with pg_restore's own message", async () => {
    const bogus = path.join(folder, "not-a-backup.dump");
    await writeFile(bogus, "hello");
    const failure = await backupCli("restore", bogus, { DATABASE_URL: server.databaseUrl }).catch(
      (error: { stderr: string }) => error,
    );
    expect((failure as { stderr: string }).stderr).toMatch(/pg_restore failed: .*input file/i);
  });
});
