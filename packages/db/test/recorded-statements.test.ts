import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../src/client.js";

const adminUrl = inject("adminDatabaseUrl");

describe("recorded statements (onQuery)", () => {
  const recorded: { query: string; parameters: readonly unknown[] }[] = [];
  const { db, close } = createDatabase(adminUrl, {
    max: 1,
    onQuery: (query, parameters) => recorded.push({ query, parameters }),
  });
  const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await close();
    await again.end();
  });

  it("gives parameters that mean the same when sent again, booleans included", async () => {
    const query = sql`select ${true}::bool as yes, ${false}::bool as no, ${42} as n, ${"it's"} as text`;
    const [first] = await db.execute<Record<string, unknown>>(query);
    const statement = recorded.find((row) => row.query.includes("as yes"));
    expect(statement?.parameters).toContain(true);
    const [resent] = await again.unsafe(
      statement?.query ?? "",
      statement?.parameters as postgres.ParameterOrJSON<never>[],
    );
    expect(resent).toEqual(first);
    expect(resent).toMatchObject({ yes: true, no: false, text: "it's" });
  });
});
