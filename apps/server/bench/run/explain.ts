import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabase } from "@booky/db";
import postgres from "postgres";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { LoadRequest } from "./load.js";

export interface Statement {
  query: string;
  parameters: readonly unknown[];
}

export interface ExplainedStatement {
  query: string;
  executed: boolean;
  executionMs: number | null;
  seqScans: { table: string; rows: number; large: boolean }[];
}

/** Tables with more rows than this are "large": a sequential scan over one is flagged. */
const LARGE_TABLE_ROWS = 10_000;

/** Transaction control, the job queue, and postgres.js's own type lookup on a new connection. */
const SKIPPED =
  /^\s*(begin|commit|rollback|savepoint|release|set |select graphile_worker\.|select 1\b)|\bpg_catalog\.pg_type\b/i;

/**
 * Booky in this process over the bench database, with every statement it
 * sends recorded: one request per scenario shows which SQL it runs.
 */
export async function createStatementRecorder(databaseUrl: string, jwtSecret: string) {
  let recording: Statement[] | null = null;
  const database = createDatabase(databaseUrl, {
    max: 2,
    onQuery: (query, parameters) => recording?.push({ query, parameters }),
  });
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    TRUST_PROXY: "true",
    WEB_DIST_DIR: "/nonexistent",
  });
  const app = await buildApp({ config, database });
  return {
    async statementsOf(request: LoadRequest): Promise<Statement[]> {
      recording = [];
      const response = await app.inject({
        method: request.method,
        url: request.path,
        headers: { "content-type": "application/json", ...request.headers },
        ...(request.body === undefined ? {} : { payload: request.body }),
      });
      const statements = recording.filter((statement) => !SKIPPED.test(statement.query));
      recording = null;
      if (response.statusCode !== 200) {
        throw new Error(`${request.path} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      }
      return statements;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super("rollback");
  }
}

/** Runs `task` in a savepoint that is always rolled back, returning what it returned. */
async function undone<T>(tx: postgres.TransactionSql, task: (sql: postgres.TransactionSql) => Promise<T>): Promise<T> {
  try {
    await tx.savepoint(async (savepoint) => {
      throw new Rollback(await task(savepoint));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error("unreachable");
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScannedTables(node: PlanNode, into: Set<string> = new Set()): Set<string> {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) into.add(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScannedTables(child, into);
  return into;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement, in one transaction that is
 * rolled back (so writes are measured and undone). A statement that fails
 * when run again (e.g. a unique key the recorded request already took) gets
 * its plan without ANALYZE.
 */
export async function explainStatements(databaseUrl: string, statements: Statement[]) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const explained: ExplainedStatement[] = [];
  const texts: string[] = [];
  try {
    const sizes = new Map(
      (
        await sql<{ name: string; rows: number }[]>`
          select relname as name, greatest(reltuples, 0)::bigint::int as rows from pg_class where relkind in ('r', 'm')`
      ).map((row) => [row.name, row.rows]),
    );
    await sql
      .begin(async (tx) => {
        for (const statement of statements) {
          const parameters = statement.parameters as postgres.ParameterOrJSON<never>[];
          const run = async (options: string): Promise<Record<string, unknown>[]> =>
            undone(tx, async (savepoint) => [
              ...(await savepoint.unsafe(`explain (${options}) ${statement.query}`, parameters)),
            ]);
          let executed = true;
          let json: { Plan: PlanNode; "Execution Time"?: number }[];
          let text: { "QUERY PLAN": string }[];
          try {
            json =
              ((await run("analyze, buffers, format json")) as unknown as { "QUERY PLAN": typeof json }[])[0]?.[
                "QUERY PLAN"
              ] ?? [];
            text = (await run("analyze, buffers")) as unknown as typeof text;
          } catch (error) {
            executed = false;
            json = ((await run("format json")) as unknown as { "QUERY PLAN": typeof json }[])[0]?.["QUERY PLAN"] ?? [];
            text = [
              { "QUERY PLAN": `(not executed again: ${(error as Error).message})` },
              ...((await run("costs")) as unknown as typeof text),
            ];
          }
          const root = json[0];
          const seqScans = root
            ? [...seqScannedTables(root.Plan)].map((table) => {
                const rows = sizes.get(table) ?? 0;
                return { table, rows, large: rows > LARGE_TABLE_ROWS };
              })
            : [];
          explained.push({ query: statement.query, executed, executionMs: root?.["Execution Time"] ?? null, seqScans });
          texts.push(
            [
              statement.query,
              `-- parameters: ${JSON.stringify(statement.parameters)}`,
              ...seqScans
                .filter((scan) => scan.large)
                .map((scan) => `-- SEQUENTIAL SCAN on ${scan.table} (${scan.rows} rows)`),
              ...text.map((row) => row["QUERY PLAN"]),
            ].join("\n"),
          );
        }
        throw new Rollback(null);
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { explained, text: texts.join("\n\n") };
}

export async function writeExplainFile(directory: string, scenarioId: string, text: string) {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, `${scenarioId}.txt`), `${text}\n`);
}
