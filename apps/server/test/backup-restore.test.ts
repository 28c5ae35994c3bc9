import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { withDatabase } from "@booky/db";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { settleMeeting } from "../src/services/settlement.js";
import { startTestServer } from "./harness.js";
import { bettingRace, closeRace } from "./race-support.js";

/**
 * `pnpm db:backup` and `pnpm db:restore` (packages/db/src/cli) on a populated
 * database: restored into a fresh, empty one, every table has the same rows
 * and every balance still equals its ledger.
 */
const run = promisify(execFile);
const dbDir = fileURLToPath(new URL("../../../packages/db", import.meta.url));
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

/** The CLI as `pnpm db:<command>` runs it (packages/db's script), against `databaseUrl`. */
const cli = (command: "backup" | "restore", databaseUrl: string, file: string) =>
  run(process.execPath, ["--conditions=source", "--import", "tsx", `src/cli/${command}.ts`, file], {
    cwd: dbDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

/** Per table (Booky's and the job queue's): row count and an order-free hash of every row. */
async function contents(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE' order by 1`;
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql.unsafe<{ rows: number; hash: string }[]>(
        `select count(*)::int as rows, coalesce(sum(hashtextextended(t::text, 0)), 0)::text as hash from ${name} t`,
      );
      result[name] = `${row?.rows} rows, hash ${row?.hash}`;
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function ledgerMismatches(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql`
      select b.user_id from point_balances b left join point_ledger l on l.user_id = b.user_id
      group by b.user_id, b.balance having b.balance <> coalesce(sum(l.amount), 0)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe("backup and restore", () => {
  it("restores a populated database into a fresh one: same rows everywhere, balances equal their ledgers", async () => {
    // Populate: a club, a meeting, bets, progress, a settled race (ledger entries of every kind).
    const race = await bettingRace(server, 3);
    await closeRace(race);
    expect((await settleMeeting(server.db, race.meeting.id)).status).toBe("settled");
    const before = await contents(server.databaseUrl);
    expect(before["public.point_ledger"]).not.toMatch(/^0 rows/);

    const file = path.join(folder, "booky.dump");
    const backup = await cli("backup", server.databaseUrl, file);
    expect(backup.stdout).toContain(`Backed up to ${file}`);
    expect((await stat(file)).size).toBeGreaterThan(1000);

    await admin.unsafe(`create database "${freshName}"`);
    const freshUrl = withDatabase(adminUrl, freshName);
    const restore = await cli("restore", freshUrl, file);
    expect(restore.stdout).toContain(`Restored ${file}`);

    const after = await contents(freshUrl);
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
    const failure = await cli("restore", server.databaseUrl, bogus).catch((error: { stderr: string }) => error);
    expect((failure as { stderr: string }).stderr).toMatch(/pg_restore failed: .*input file/i);
  });
});
