import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export interface DatabaseOptions {
  /** Pool size; postgres.js opens connections lazily up to this many. */
  max?: number;
  /** Called for NOTICE messages; silenced by default. */
  onnotice?: (notice: postgres.Notice) => void;
  /**
   * Called with every statement sent and its parameters, as values to send
   * again (tests count statements to catch N+1 queries; the bench and the plan
   * tests explain them).
   */
  onQuery?: (query: string, parameters: readonly unknown[]) => void;
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * Drizzle sends its queries as unnamed statements. For those, postgres.js
 * first asks the server for the parameter types (a round trip of its own)
 * and the server parses and plans the query every time: two round trips and a
 * plan per query. As named (prepared) statements a query is one round trip
 * and its plan is reused; postgres.js keeps them per connection, keyed by the
 * SQL text, which Drizzle builds the same way for the same query.
 */
function preparing<T extends Client>(client: T): T {
  // Made once per client, not on every statement: Drizzle looks `unsafe` up for each query it sends.
  const unsafe = (
    query: string,
    parameters?: postgres.ParameterOrJSON<never>[],
    options?: postgres.UnsafeQueryOptions,
  ) => client.unsafe(query, parameters, options?.prepare ? options : { ...options, prepare: true });
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return unsafe;
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const task = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return open.call(target, ...args, (tx: postgres.TransactionSql) => task(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: options.onnotice ?? (() => {}),
    ...(options.onQuery
      ? {
          // A copy: postgres.js serializes the array in place once it binds the statement, and a boolean's
          // serialized "t" sent again would go out as false (its serializer asks `x === true`).
          debug: (_connection: number, query: string, parameters: unknown[]) =>
            options.onQuery?.(query, [...parameters]),
        }
      : {}),
    connection: { application_name: "booky" },
  });
  // No schema: Booky writes every query with the query builder, never Drizzle's relational `db.query.*`, and with a
  // schema each transaction would build a relational query builder for every table (3% of progress.update's CPU).
  const db = drizzle({ client: preparing(client), casing: "snake_case" });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDatabase>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the pool or an open transaction: services accept both. */
export type Executor = Database | Transaction;
