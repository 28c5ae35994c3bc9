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
 * prepared query sends through the client it was prepared on, so a call on
 * another client (a transaction's) runs a view of the one prepared query with
 * that client in its place (the SQL, parameters and row mapping stay shared).
 *
 *   const findUser = preparedQuery("find_user", (db) =>
 *     db.select().from(users).where(eq(users.id, sql.placeholder("id"))));
 *   const [user] = await findUser(db, { id });
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  name: string,
  build: (db: Executor) => Preparable<P, R>,
): (db: Executor, values: P) => Promise<R> {
  let prepared: (Runnable<P, R> & { client: object }) | null = null;
  // The last client's view: a transaction sends most of its statements on one client, one after the other. A
  // table of views by client (a WeakMap) cost a set and a property-descriptor object on every transaction.
  let last: { client: object; view: Runnable<P, R> } | null = null;
  return (db, values) => {
    const client = clientOf(db);
    if (last?.client !== client) {
      prepared ??= build(db).prepare(name) as Runnable<P, R> & { client: object };
      last = { client, view: client === prepared.client ? prepared : withClient(prepared, client) };
    }
    return last.view.execute(values);
  };
}

/** The prepared query, sending through `client`: an object of one own property over it. */
function withClient<T extends { client: object }>(prepared: T, client: object): T {
  const view = Object.create(prepared) as T;
  view.client = client;
  return view;
}
