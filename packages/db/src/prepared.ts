import type { Executor } from "./client.js";

interface Runnable<P, R> {
  execute(values: P): Promise<R>;
}

interface Preparable<P, R> extends Runnable<P, R> {
  prepare(name: string): Runnable<P, R>;
}

/** The postgres.js client a database or transaction sends its statements through (Drizzle's session holds it). */
const clientOf = (db: Executor): object => (db as unknown as { session: { client: object } }).session.client;

/**
 * A hot-path query built once with `sql.placeholder(...)` values: Drizzle then
 * keeps its SQL text, parameter list and row mapping instead of building them
 * again on every call (the bench's profile showed that rebuild as the largest
 * share of Booky's own work per call). Inside a transaction too: Drizzle's
 * prepared query sends through the client it was prepared on, so each
 * transaction gets a view of the one prepared query with the transaction's
 * client in its place (the SQL, parameters and row mapping stay shared).
 *
 *   const findUser = preparedQuery("find_user", (db) =>
 *     db.select().from(users).where(eq(users.id, sql.placeholder("id"))));
 *   const [user] = await findUser(db, { id });
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  name: string,
  build: (db: Executor) => Preparable<P, R>,
): (db: Executor, values: P) => Promise<R> {
  let prepared: Runnable<P, R> | null = null;
  // By client: the pool's view lives as long as the pool, a transaction's goes with it.
  const views = new WeakMap<object, Runnable<P, R>>();
  return (db, values) => {
    const client = clientOf(db);
    let view = views.get(client);
    if (!view) {
      prepared ??= build(db).prepare(name);
      view = Object.create(prepared, { client: { value: client } }) as Runnable<P, R>;
      views.set(client, view);
    }
    return view.execute(values);
  };
}
