import { asc, passwordResetTokens, refreshTokens, sessions, users } from "@booky/db";
import superjson from "superjson";
import { appRouter } from "../src/router.js";
import type { TestClient, TestServer } from "./harness.js";

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: unknown[] } }
>;

/** Every procedure of the accounts domain (auth.* and users.*), as the router declares them. */
export const accountProcedures = Object.keys(procedures)
  .filter((path) => path.startsWith("auth.") || path.startsWith("users."))
  .sort();

export function isQuery(path: string): boolean {
  return procedures[path]?._def.type === "query";
}

export function takesInput(path: string): boolean {
  return (procedures[path]?._def.inputs.length ?? 0) > 0;
}

type AnyProcedure = { query: (input?: unknown) => Promise<unknown>; mutate: (input?: unknown) => Promise<unknown> };

/** Calls a procedure named by its path through the client's real tRPC link, for table-driven tests. */
export function callByPath(client: TestClient, path: string, input?: unknown): Promise<unknown> {
  const [namespace = "", name = ""] = path.split(".");
  const proxy = client.trpc as unknown as Record<string, Record<string, AnyProcedure>>;
  const procedure = proxy[namespace]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return isQuery(path) ? procedure.query(input) : procedure.mutate(input);
}

export interface RawCallOptions {
  input?: unknown;
  headers?: Record<string, string>;
}

/** One unbatched call over plain fetch, for what a tRPC client hides: the status and the headers. */
export function rawCall(server: TestServer, path: string, options: RawCallOptions = {}): Promise<Response> {
  const payload = JSON.stringify(superjson.serialize(options.input));
  if (isQuery(path)) {
    return fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(payload)}`, { headers: options.headers });
  }
  return fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: payload,
  });
}

/** The tRPC error in a raw response's body. */
export async function rawErrorOf(response: Response) {
  const body = (await response.json()) as {
    error?: { json: { message: string; data: { code: string; retryAfter?: number | null } } };
  };
  if (!body.error) throw new Error(`expected an error, got ${JSON.stringify(body)}`);
  return body.error.json;
}

/** The refresh cookie's Set-Cookie line in a raw response, if any. */
export function refreshCookieLine(response: Response): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith("booky_refresh="));
}

/** The decoded (unverified) claims of a JWT. */
export function claimsOf(token: string | null): Record<string, unknown> {
  return JSON.parse(Buffer.from((token ?? "").split(".")[1] ?? "", "base64url").toString());
}

/** Everything the accounts domain stores, to prove a refused call changed nothing. */
export async function accountRows(server: TestServer) {
  const [userRows, sessionRows, refreshTokenRows, resetTokenRows] = await Promise.all([
    server.db.select().from(users).orderBy(asc(users.id)),
    server.db.select().from(sessions).orderBy(asc(sessions.id)),
    server.db.select().from(refreshTokens).orderBy(asc(refreshTokens.id)),
    server.db.select().from(passwordResetTokens).orderBy(asc(passwordResetTokens.id)),
  ]);
  return { users: userRows, sessions: sessionRows, refreshTokens: refreshTokenRows, resetTokens: resetTokenRows };
}

/** Row counts of the accounts tables. */
export async function accountCounts(server: TestServer) {
  const rows = await accountRows(server);
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length]));
}
