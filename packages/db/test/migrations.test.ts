import { randomBytes } from "node:crypto";
import { isPgEnum, type PgEnum } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../src/client.js";
import { withDatabase } from "../src/database-url.js";
import { migrateDatabase } from "../src/migrate.js";
import * as schema from "../src/schema/index.js";
import { books, users } from "../src/schema/index.js";
import { readSeedCatalog } from "../src/seed/catalog.js";
import { demoMembers, demoUsers, seedDemoData } from "../src/seed/demo.js";

const adminUrl = inject("adminDatabaseUrl");
const name = `booky_empty_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = withDatabase(adminUrl, name);

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe("the migration history", () => {
  it("applies cleanly to an empty database, and again as a no-op", async () => {
    await migrateDatabase(url);
    await migrateDatabase(url);
    const probe = postgres(url, { max: 1 });
    const tables = await probe<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    const applied = await probe`select count(*)::int as count from drizzle.__drizzle_migrations`;
    await probe.end();
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["users", "sessions", "refresh_tokens", "password_reset_tokens"]),
    );
    expect(applied[0]?.count).toBeGreaterThan(0);
  });

  it("seeds the demo members and the book catalog once, however often the seed runs", async () => {
    const { db, close } = createDatabase(url, { max: 2 });
    const first = await seedDemoData(db);
    const second = await seedDemoData(db);
    const count = await db.$count(users);
    const catalog = await db.$count(books);
    await close();
    expect(first.users).toBe(demoUsers.length + demoMembers.length);
    expect(second).toEqual({ users: 0, books: 0 });
    expect(count).toBe(demoUsers.length + demoMembers.length);
    expect(first.books).toBe(readSeedCatalog().length);
    expect(catalog).toBe(readSeedCatalog().length);
  });
});

describe("the migrated database matches the code", () => {
  it("every enum holds exactly the values of the domain list it is made from", async () => {
    await migrateDatabase(url);
    const probe = postgres(url, { max: 1 });
    const enums = (Object.values(schema) as unknown[]).filter((value): value is PgEnum<[string, ...string[]]> =>
      isPgEnum(value),
    );
    try {
      for (const enumeration of enums) {
        const [row] = await probe<{ values: string[] }[]>`
          select array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
          from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = ${enumeration.enumName}`;
        expect(row?.values, enumeration.enumName).toEqual([...enumeration.enumValues]);
      }
    } finally {
      await probe.end();
    }
    expect(enums.map((enumeration) => enumeration.enumName)).toEqual(
      expect.arrayContaining(["club_category", "ledger_kind", "club_request_status", "friend_request_status"]),
    );
  });

  it("every constraint the server explains by name exists under that name", async () => {
    await migrateDatabase(url);
    const probe = postgres(url, { max: 1 });
    try {
      const rows = await probe<{ name: string }[]>`
        select conname as name from pg_constraint union select indexname from pg_indexes where schemaname = 'public'`;
      const present = new Set(rows.map((row) => row.name));
      for (const name of Object.values(schema.constraint)) expect(present.has(name), name).toBe(true);
    } finally {
      await probe.end();
    }
  });
});
