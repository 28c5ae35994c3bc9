import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../src/database-url.js";
import { migrateDatabase } from "../src/migrate.js";
import { migrationsFolder } from "../src/paths.js";

const adminUrl = inject("adminDatabaseUrl");
const name = `booky_books_migration_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = withDatabase(adminUrl, name);
const folder = await mkdtemp(path.join(tmpdir(), "booky-migrations-"));

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  await rm(folder, { recursive: true, force: true });
});

/** The migration history as it was before the catalog: everything up to the tag before `tag`. */
async function historyBefore(tag: string): Promise<string> {
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith(tag));
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

describe("the catalog migration", () => {
  it("turns free-text meeting books into catalog rows and points the meetings at them", async () => {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await migrate(drizzle({ client: sql }), { migrationsFolder: await historyBefore("_books_catalog") });
    const [user] = await sql`insert into users (email, username, display_name, password_hash)
      values ('m@example.com', 'mig', 'Mig', 'x') returning id`;
    const clubId = "00000000-0000-4000-8000-000000000001";
    await sql.begin(async (tx) => {
      await tx`insert into clubs (id, slug, name, category, is_online, owner_id)
        values (${clubId}, 'mig', 'Mig', 'fiction', true, ${user?.id})`;
      await tx`insert into club_members (club_id, user_id, role) values (${clubId}, ${user?.id}, 'owner')`;
    });
    for (const [title, pages] of [
      ["Stoner", 300],
      [" Stoner ", 288],
      ["Stoner", 300],
      ["SPQR", 608],
    ] as const) {
      await sql`insert into meetings (club_id, book_title, book_page_count, starts_at, reading_deadline, link, created_by)
        values (${clubId}, ${title}, ${pages}, now(), now(), 'https://meet.example.com', ${user?.id})`;
    }

    await migrateDatabase(url);
    const rows = await sql<{ title: string; catalogPages: number; meetingPages: number }[]>`
      select b.title, b.page_count as "catalogPages", m.book_page_count as "meetingPages"
      from meetings m join books b on b.id = m.book_id order by b.title, m.book_page_count`;
    const catalog = await sql`select title from books order by title`;
    await sql.end();
    expect(catalog.map((row) => row.title)).toEqual(["SPQR", "Stoner"]);
    expect(rows).toEqual([
      { title: "SPQR", catalogPages: 608, meetingPages: 608 },
      { title: "Stoner", catalogPages: 300, meetingPages: 288 },
      { title: "Stoner", catalogPages: 300, meetingPages: 300 },
      { title: "Stoner", catalogPages: 300, meetingPages: 300 },
    ]);
  }, 60_000); // the whole migration history, in two steps: every new migration adds to it
});
