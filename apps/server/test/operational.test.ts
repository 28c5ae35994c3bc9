import { describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";

const server = await startTestServer({ env: { BODY_LIMIT_BYTES: "4096", CORS_ORIGINS: "https://app.booky.example" } });

describe("operational endpoints", () => {
  it("/healthz and /readyz answer when the process and database are up", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("/metrics reports requests, procedure calls and database connections in Prometheus format", async () => {
    await server
      .client()
      .trpc.users.get.query({ username: "nobody_here" })
      .catch(() => {});
    const response = await fetch(`${server.url}/metrics`);
    const text = await response.text();
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(text).toMatch(/booky_trpc_procedure_duration_seconds_count\{[^}]*path="users.get"[^}]*code="NOT_FOUND"/);
    expect(text).toContain("booky_http_request_duration_seconds_bucket");
    expect(text).toMatch(/booky_db_connections\{state="\w+"\} \d+/);
    expect(text).toContain("booky_db_pool_max_connections 10");
  });

  it("tags every response with a request id, keeping one the caller sent", async () => {
    const fresh = await fetch(`${server.url}/healthz`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "trace-me-123" } });
    expect(given.headers.get("x-request-id")).toBe("trace-me-123");
  });

  it("sends security headers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toBeTruthy();
  });

  it("allows only listed origins to read API responses across sites", async () => {
    const listed = await fetch(`${server.url}/healthz`, { headers: { origin: "https://app.booky.example" } });
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://app.booky.example");
    const other = await fetch(`${server.url}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("request limits", () => {
  it("refuses a body over the limit with 413, not a 500", async () => {
    const response = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "a@example.com", password: "x".repeat(10_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it("refuses a batch of more than 20 calls without running any", async () => {
    const paths = Array.from({ length: 21 }, () => "users.get").join(",");
    const input = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, { json: { username: "nobody_here" } }]));
    const before = await fetch(`${server.url}/metrics`).then((r) => r.text());
    const response = await fetch(
      `${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    expect(response.status).toBe(400);
    const after = await fetch(`${server.url}/metrics`).then((r) => r.text());
    const calls = (text: string) =>
      Number(text.match(/booky_trpc_procedure_duration_seconds_count\{[^}]*path="users.get"[^}]*\} (\d+)/)?.[1] ?? 0);
    expect(calls(after)).toBe(calls(before));
  });

  it("answers NOT_FOUND for an unknown procedure", async () => {
    const response = await fetch(`${server.url}/trpc/auth.nothingHere`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("NOT_FOUND");
  });

  it("keeps real 404s for unknown paths when no web app is served", async () => {
    expect((await fetch(`${server.url}/no/such/thing`)).status).toBe(404);
  });
});
