import type postgres from "postgres";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** One registry per app instance, so tests can run several servers in one process. */
export function createMetrics(options: { sql: postgres.Sql; poolMax: number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "booky_" });

  const latency = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Histogram<L>({
      name,
      help,
      labelNames,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  const httpDuration = latency(
    "booky_http_request_duration_seconds",
    "HTTP requests by method, route and status code",
    ["method", "route", "status_code"],
  );
  const procedureDuration = latency(
    "booky_trpc_procedure_duration_seconds",
    "tRPC procedure calls by path, type and result code",
    ["path", "type", "code"],
  );

  new Gauge({
    name: "booky_db_pool_max_connections",
    help: "Configured size of the database connection pool",
    registers: [registry],
    collect() {
      this.set(options.poolMax);
    },
  });

  const { sql } = options;
  new Gauge({
    name: "booky_db_connections",
    help: "This application's open database connections by state, as PostgreSQL reports them",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await sql<{ state: string | null; count: number }[]>`
        select state, count(*)::int as count from pg_stat_activity
        where datname = current_database() and application_name = 'booky'
        group by state`;
      for (const row of rows) this.set({ state: row.state ?? "unknown" }, row.count);
    },
  });

  return { registry, httpDuration, procedureDuration };
}

export type Metrics = ReturnType<typeof createMetrics>;
