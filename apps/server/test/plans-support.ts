import { createDatabase } from "@booky/db";
import { afterAll } from "vitest";
import type { TestServer } from "./harness.js";

/** A node of an EXPLAIN (ANALYZE, FORMAT JSON) plan, with what the plan tests read of it. */
export interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

/** The nodes of a plan that ran (a part skipped at run time, e.g. the count for an unranked caller, never loops). */
export function nodesOf(node: PlanNode): PlanNode[] {
  return node["Actual Loops"] > 0 ? [node, ...(node.Plans ?? []).flatMap(nodesOf)] : [];
}

/** The tables of `big` scanned whole among `nodes` (the one-row tables of a test database may be, cheaply). */
export const seqScanned = (nodes: PlanNode[], big: readonly string[]) =>
  nodes
    .filter((node) => node["Node Type"] === "Seq Scan" && big.includes(node["Relation Name"] ?? ""))
    .map((node) => node["Relation Name"]);

/**
 * A database client over the test server's database that records every
 * statement sent through it, to EXPLAIN ANALYZE the very statements a service
 * sends (transaction control and catalog lookups left out). Closed after the file.
 */
export function planRecorder(server: TestServer) {
  const recorded: { query: string; parameters: readonly unknown[] }[] = [];
  const recording = createDatabase(server.databaseUrl, {
    max: 1,
    onQuery: (query, parameters) => recorded.push({ query, parameters }),
  });
  afterAll(() => recording.close());

  /**
   * Each statement `task` sends, with the plan it ran with: its reads, and with
   * `writes` also its inserts and deletes (run again by EXPLAIN ANALYZE: only for idempotent ones).
   */
  async function explainedOf(task: (db: typeof recording.db) => Promise<unknown>, options: { writes?: boolean } = {}) {
    recorded.length = 0;
    await task(recording.db);
    const kinds = options.writes ? /^\s*(select|with|insert|delete)\b/i : /^\s*(select|with)\b/i;
    const statements = recorded.filter(
      (statement) => kinds.test(statement.query) && !statement.query.includes("pg_catalog"),
    );
    const explained: { query: string; plan: PlanNode }[] = [];
    for (const statement of statements) {
      const [row] = await server.sql.unsafe(
        `explain (analyze, format json) ${statement.query}`,
        statement.parameters as never[],
      );
      const [plan] = (row?.["QUERY PLAN"] ?? []) as { Plan: PlanNode }[];
      if (!plan) throw new Error(`no plan for ${statement.query}`);
      explained.push({ query: statement.query, plan: plan.Plan });
    }
    return explained;
  }

  /**
   * Each statement `task` sends, with the plan PostgreSQL makes once for any values (the generic plan a prepared
   * statement may keep after its first calls), run with the values `task` sent.
   */
  async function genericPlansOf(task: (db: typeof recording.db) => Promise<unknown>) {
    recorded.length = 0;
    await task(recording.db);
    const statements = recorded.filter((statement) => /^\s*(select|with)\b/i.test(statement.query));
    return server.sql.begin(async (tx) => {
      await tx`set local plan_cache_mode = force_generic_plan`;
      const explained: { query: string; plan: PlanNode }[] = [];
      for (const [index, statement] of statements.entries()) {
        const name = `generic_${index}`;
        await tx.unsafe(`prepare ${name} as ${statement.query}`);
        const values = statement.parameters.map((value) =>
          typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value),
        );
        const [row] = await tx.unsafe(
          `explain (analyze, format json) execute ${name}${values.length ? `(${values.join(", ")})` : ""}`,
        );
        await tx.unsafe(`deallocate ${name}`);
        const [plan] = (row?.["QUERY PLAN"] ?? []) as { Plan: PlanNode }[];
        if (!plan) throw new Error(`no plan for ${statement.query}`);
        explained.push({ query: statement.query, plan: plan.Plan });
      }
      return explained;
    });
  }

  return {
    db: recording.db,
    explainedOf,
    genericPlansOf,
    /** The plans of the statements `task` sends. */
    plansOf: async (task: (db: typeof recording.db) => Promise<unknown>) =>
      (await explainedOf(task)).map((statement) => statement.plan),
  };
}
