import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
const dbDir = fileURLToPath(new URL("../../../packages/db", import.meta.url));

/** The CLI as `pnpm db:<command>` runs it (packages/db's script) under `env` (DATABASE_URL or DATA_DIR). */
export function backupCli(command: "backup" | "restore", file: string, env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return run(process.execPath, ["--conditions=source", "--import", "tsx", `src/cli/${command}.ts`, file], {
    cwd: dbDir,
    env: { ...inherited, ...env },
  });
}

/** Per table (Booky's and the job queue's): row count and an order-free hash of every row. */
export async function tableContents(url: string) {
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

/** Users whose balance is not the sum of their ledger. */
export async function ledgerMismatches(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql`
      select b.user_id from point_balances b left join point_ledger l on l.user_id = b.user_id
      group by b.user_id, b.balance having b.balance <> coalesce(sum(l.amount), 0)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
