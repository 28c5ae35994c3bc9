import { readFileSync } from "node:fs";
import type { z } from "zod";
import { appRouter } from "../src/router.js";
import type { TestServer } from "./harness.js";

/** The committed OpenAPI document (docs/openapi.json). */
export const committedDocument = JSON.parse(
  readFileSync(new URL("../../../docs/openapi.json", import.meta.url), "utf8"),
) as { info: { version: string }; paths: Record<string, Record<string, { operationId: string }>> };

export interface RestOperation {
  method: string;
  /** The path template, e.g. `/clubs/{clubId}`. */
  path: string;
  /** The tRPC procedure it calls, e.g. `clubs.get`. */
  procedure: string;
}

/** Every REST operation the committed document lists. */
export const restOperations: RestOperation[] = Object.entries(committedDocument.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    procedure: operation.operationId.replaceAll("-", "."),
  })),
);

/** A procedure's declared output contract (`.output(...)`). */
export function outputSchemaOf(procedure: string): z.ZodType {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { output?: z.ZodType } }>;
  const output = procedures[procedure]?._def.output;
  if (!output) throw new Error(`${procedure} declares no output`);
  return output;
}

export interface RestAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Calls a REST operation as a plain HTTP client would: path parameters filled
 * from `input`, the rest as the query (GET) or a JSON body.
 */
export async function callRest(
  server: Pick<TestServer, "url">,
  operation: Pick<RestOperation, "method" | "path">,
  input: Record<string, unknown>,
  token: string | null,
): Promise<RestAnswer> {
  const rest = { ...input };
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const get = operation.method === "GET";
  const query = get
    ? `?${new URLSearchParams(Object.entries(rest).map(([key, value]): [string, string] => [key, String(value)]))}`
    : "";
  const response = await fetch(`${server.url}/api/v1${path}${query === "?" ? "" : query}`, {
    method: operation.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(get ? {} : { "content-type": "application/json" }),
    },
    ...(get ? {} : { body: JSON.stringify(rest) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Every key and string value anywhere in an answer, for leak checks. */
export function keysAndStrings(
  value: unknown,
  found: { keys: string[]; strings: string[] } = { keys: [], strings: [] },
) {
  if (typeof value === "string") found.strings.push(value);
  else if (Array.isArray(value)) for (const item of value) keysAndStrings(item, found);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      found.keys.push(key);
      keysAndStrings(item, found);
    }
  }
  return found;
}
