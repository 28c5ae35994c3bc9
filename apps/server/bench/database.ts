import path from "node:path";
import { defaultDataDir, resolveDatabase, withDatabase } from "@booky/db";
import postgres from "postgres";

/**
 * The PostgreSQL the bench uses: `DATABASE_URL`'s server when set, else an
 * embedded one under `.data/bench/`. Each scale gets its own database,
 * named after `DATABASE_URL`'s (or `booky_bench`) plus the scale:
 * `booky_bench_s1`, `booky_bench_s10`, `booky_bench_smoke`.
 */
export async function openBenchServer() {
  const given = process.env.DATABASE_URL || undefined;
  const resolved = await resolveDatabase({ databaseUrl: given, dataDir: path.join(defaultDataDir, "bench") });
  const base = given ? decodeURIComponent(new URL(given).pathname.slice(1)) || "booky_bench" : "booky_bench";
  const adminUrl = withDatabase(resolved.url, "postgres");
  return {
    embedded: resolved.embedded !== null,
    databaseName: (scale: number | "smoke") => `${base}_${scaleLabel(scale)}`,
    urlOf: (name: string) => withDatabase(resolved.url, name),
    exists: (name: string) =>
      withAdmin(adminUrl, async (sql) => (await sql`select 1 from pg_database where datname = ${name}`).length > 0),
    recreate: (name: string) =>
      withAdmin(adminUrl, async (sql) => {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
        await sql.unsafe(`create database "${name}"`);
      }),
    drop: (name: string) => withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)),
    stop: async () => resolved.embedded?.stop(),
  };
}

export type BenchServer = Awaited<ReturnType<typeof openBenchServer>>;

export function scaleLabel(scale: number | "smoke"): string {
  return scale === "smoke" ? "smoke" : `s${String(scale).replace(".", "_")}`;
}

async function withAdmin<T>(url: string, task: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await task(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
