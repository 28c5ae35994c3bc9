import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.js";

export interface DatabaseOptions {
  /** Pool size; postgres.js opens connections lazily up to this many. */
  max?: number;
  /** Called for NOTICE messages; silenced by default. */
  onnotice?: (notice: postgres.Notice) => void;
  /**
   * Called with every statement sent and its serialized parameters (tests
   * count statements to catch N+1 queries; the bench explains them).
   */
  onQuery?: (query: string, parameters: readonly unknown[]) => void;
}

export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: options.onnotice ?? (() => {}),
    ...(options.onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => options.onQuery?.(query, parameters) }
      : {}),
    connection: { application_name: "booky" },
  });
  const db = drizzle({ client, schema, casing: "snake_case" });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDatabase>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the pool or an open transaction: services accept both. */
export type Executor = Database | Transaction;
