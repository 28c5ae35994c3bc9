import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database, Executor } from "./client.js";

interface Runnable<P, R> {
  execute(values: P): Promise<R>;
}

interface Preparable<P, R> extends Runnable<P, R> {
  prepare(name: string): Runnable<P, R>;
}

/**
 * A hot-path query built once per database with `sql.placeholder(...)`
 * values: Drizzle then keeps its SQL text, parameter list and row mapping
 * instead of building them again on every call (the bench's profile showed
 * that rebuild as the largest share of Booky's own work per call). Inside a
 * transaction the query is built on that transaction as usual, since a
 * prepared query belongs to the pool it was prepared on.
 *
 *   const findUser = preparedQuery("find_user", (db) =>
 *     db.select().from(users).where(eq(users.id, sql.placeholder("id"))));
 *   const [user] = await findUser(db, { id });
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  name: string,
  build: (db: Executor) => Preparable<P, R>,
): (db: Executor, values: P) => Promise<R> {
  const prepared = new WeakMap<Database, Runnable<P, R>>();
  return (db, values) => {
    if (db instanceof PgTransaction) return build(db).execute(values);
    let query = prepared.get(db);
    if (!query) {
      query = build(db).prepare(name);
      prepared.set(db, query);
    }
    return query.execute(values);
  };
}
