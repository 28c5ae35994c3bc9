import postgres from "postgres";

const number = new Intl.NumberFormat("en-US");

export interface TableSize {
  table: string;
  rows: number;
  bytes: number;
}

/** Exact row counts and on-disk size (with indexes) of every table the seed fills. */
export async function tableSizes(url: string): Promise<TableSize[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ table: string; bytes: string }[]>`
      select c.relname as table, pg_total_relation_size(c.oid)::text as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'm') and c.relname not like '%drizzle%'
      order by pg_total_relation_size(c.oid) desc`;
    const sizes: TableSize[] = [];
    for (const { table, bytes } of tables) {
      const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
      sizes.push({ table, rows: row?.n ?? 0, bytes: Number(bytes) });
    }
    return sizes;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function printSeedSummary(
  result: { seconds: number; steps: { step: string; rows: number; seconds: number }[] },
  sizes: TableSize[],
) {
  console.log("\nstep                    rows          seconds   rows/s");
  for (const step of result.steps) {
    const rate = step.rows / Math.max(step.seconds, 0.001);
    console.log(
      `${step.step.padEnd(22)} ${number.format(step.rows).padStart(12)} ${step.seconds.toFixed(1).padStart(10)} ${number.format(Math.round(rate)).padStart(10)}`,
    );
  }
  console.log(`\nSeeded in ${result.seconds.toFixed(1)} s. Tables:`);
  for (const size of sizes.filter((s) => s.rows > 0)) {
    console.log(
      `  ${size.table.padEnd(26)} ${number.format(size.rows).padStart(12)} rows ${(size.bytes / 1024 / 1024).toFixed(1).padStart(9)} MiB`,
    );
  }
}
