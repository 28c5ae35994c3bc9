import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { createDatabase, users } from "@booky/db";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { securityMiddleware } from "../src/http/security-headers.js";
import { rawCall, rawErrorOf } from "./accounts-support.js";
import { newMember, startTestServer } from "./harness.js";

const APP_ORIGIN = "https://app.booky.example";
const server = await startTestServer({ env: { BODY_LIMIT_BYTES: "4096", CORS_ORIGINS: APP_ORIGIN } });

/** The count of finished calls of one procedure, as /metrics reports it. */
async function callsOf(path: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const pattern = new RegExp(`booky_trpc_procedure_duration_seconds_count\\{[^}]*path="${path}"[^}]*\\} (\\d+)`, "g");
  return [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe("health and readiness", () => {
  it("/healthz and /readyz answer 200 when the process and database are up", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("/readyz answers 503 while the database is unreachable, and /healthz still 200", async () => {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent" });
    const database = createDatabase("postgres://nobody:nothing@127.0.0.1:1/none", { max: 1 });
    const app = await buildApp({ config, database });
    await app.listen({ host: "127.0.0.1", port: 0 });
    afterAll(async () => {
      await app.close();
      await database.close();
    });
    const address = app.server.address() as { port: number };
    const ready = await fetch(`http://127.0.0.1:${address.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    expect((await fetch(`http://127.0.0.1:${address.port}/healthz`)).status).toBe(200);
  });
});

describe("metrics", () => {
  it("/metrics reports procedure calls by path and code, HTTP requests by route, and database connections", async () => {
    await server
      .client()
      .trpc.users.get.query({ username: "nobody_here" })
      .catch(() => {});
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(
      /booky_trpc_procedure_duration_seconds_count\{[^}]*path="users.get"[^}]*type="query"[^}]*code="NOT_FOUND"[^}]*\} 1/,
    );
    expect(text).toMatch(/booky_http_request_duration_seconds_bucket\{[^}]*route="\/trpc\/:path"/);
    expect(text).toMatch(/booky_db_connections\{state="\w+"\} \d+/);
    expect(text).toContain("booky_db_pool_max_connections 10");
    expect(text).toContain("booky_process_cpu_seconds_total");
  });
});

describe("every response", () => {
  it("carries a request id, keeping one the caller sent", async () => {
    const fresh = await fetch(`${server.url}/healthz`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "trace-me-123" } });
    expect(given.headers.get("x-request-id")).toBe("trace-me-123");
    const procedure = await rawCall(server, "users.get", {
      input: { username: "nobody_here" },
      headers: { "x-request-id": "trace-procedure-1" },
    });
    expect(procedure.headers.get("x-request-id")).toBe("trace-procedure-1");
    expect((await fetch(`${server.url}/no/such/thing`)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries security headers", async () => {
    for (const path of ["/healthz", "/trpc/users.get"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(response.headers.get("strict-transport-security"), path).toBeTruthy();
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("sends every header helmet sets on a response of its own, with the same values", async () => {
    // Booky works helmet's headers out once at start-up: this holds it to what helmet does per response.
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    securityMiddleware(response.req, response, () => {});
    const expected = Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]);
    expect(expected.length).toBeGreaterThan(10);
    for (const path of ["/healthz", "/trpc/users.get", "/no-such-route"]) {
      const answer = await fetch(`${server.url}${path}`);
      for (const [name, value] of expected) expect(answer.headers.get(name as string), `${path} ${name}`).toBe(value);
    }
  });
});

describe("CORS", () => {
  it("lets a listed origin read API responses with credentials", async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { origin: APP_ORIGIN } });
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("answers a listed origin's preflight and ignores any other origin's", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/auth.logIn`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const listed = await preflight(APP_ORIGIN);
    expect(listed.status).toBe(204);
    expect(listed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(listed.headers.get("access-control-allow-methods")).toContain("POST");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives an unlisted origin no access-control headers", async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("request limits and malformed requests", () => {
  it("refuses a body over BODY_LIMIT_BYTES with 413, not a 500, and keeps serving", async () => {
    const before = await callsOf("auth.logIn");
    const response = await rawCall(server, "auth.logIn", {
      input: { email: "a@example.com", password: "x".repeat(10_000) },
    });
    expect(response.status).toBe(413);
    expect(await callsOf("auth.logIn")).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("refuses a batch of more than 20 calls with an error, running none of them", async () => {
    const members = Array.from({ length: 21 }, () => newMember());
    const usersBefore = await server.db.$count(users);
    const paths = members.map(() => "auth.signUp").join(",");
    const input = Object.fromEntries(members.map((member, index) => [index, { json: member }]));
    const response = await fetch(`${server.url}/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(400);
    const error = await rawErrorOf(response);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Batch call exceeds maximum size");
    expect(await server.db.$count(users)).toBe(usersBefore);
    expect(await callsOf("auth.signUp")).toBe(0);
  });

  it("runs a batch of exactly 20 calls", async () => {
    const paths = Array.from({ length: 20 }, () => "users.get").join(",");
    const input = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, { json: { username: `nobody_${i}` } }]));
    const response = await fetch(
      `${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    const results = (await response.json()) as { error?: { json: { data: { code: string } } } }[];
    expect(results).toHaveLength(20);
    expect(results.every((result) => result.error?.json.data.code === "NOT_FOUND")).toBe(true);
  });

  it("answers malformed JSON with 400, not a 500", async () => {
    const response = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect((await rawErrorOf(response)).data.code).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND for an unknown procedure", async () => {
    const response = await fetch(`${server.url}/trpc/auth.nothingHere`);
    expect(response.status).toBe(404);
    expect((await rawErrorOf(response)).data.code).toBe("NOT_FOUND");
  });

  it("refuses a mutation sent as GET, running nothing", async () => {
    const before = await server.db.$count(users);
    const input = encodeURIComponent(JSON.stringify({ json: newMember() }));
    const response = await fetch(`${server.url}/trpc/auth.signUp?input=${input}`);
    expect(response.status).toBe(405);
    expect((await rawErrorOf(response)).data.code).toBe("METHOD_NOT_SUPPORTED");
    expect(await server.db.$count(users)).toBe(before);
  });

  it("keeps real 404s for unknown paths when no web app is served", async () => {
    expect((await fetch(`${server.url}/no/such/thing`)).status).toBe(404);
  });
});
