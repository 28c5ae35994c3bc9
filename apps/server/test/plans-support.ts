import { createDatabase } from "@booky/db";
import { afterAll } from "vitest";
import type { TestServer } from "./harness.js";

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
 * The plans PostgreSQL picks for the very statements a service sends
 * (EXPLAIN ANALYZE): `plansOf(task)` runs `task` on a recording connection
 * and explains each select it sent (transaction control left out).
 */
export function planRecorder(server: TestServer) {
  const recorded: { query: string; parameters: readonly unknown[] }[] = [];
  const recording = createDatabase(server.databaseUrl, {
    max: 1,
    onQuery: (query, parameters) => recorded.push({ query, parameters }),
  });
  afterAll(() => recording.close());
  return async function plansOf(task: (db: typeof recording.db) => Promise<unknown>) {
    recorded.length = 0;
    await task(recording.db);
    const statements = recorded.filter(
      (statement) => /^\s*(select|with)\b/i.test(statement.query) && !statement.query.includes("pg_catalog"),
    );
    const plans: PlanNode[] = [];
    for (const statement of statements) {
      const [row] = await server.sql.unsafe(
        `explain (analyze, format json) ${statement.query}`,
        statement.parameters as never[],
      );
      const [explained] = (row?.["QUERY PLAN"] ?? []) as { Plan: PlanNode }[];
      if (!explained) throw new Error(`no plan for ${statement.query}`);
      plans.push(explained.Plan);
    }
    return plans;
  };
}
