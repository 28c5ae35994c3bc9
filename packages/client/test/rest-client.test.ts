import { errorOf, scriptedServer } from "@booky/testing/scripted-server";
import { describe, expect, it } from "vitest";
import { BookyApiError, createBookyRestClient, dataOf, retryAfterMs } from "../src/rest.js";

const server = await scriptedServer();
const clubs = { items: [], nextCursor: null };
const rateLimited = (seconds: string) => ({
  status: 429,
  headers: { "retry-after": seconds },
  body: { code: "TOO_MANY_REQUESTS", message: "Slow down", data: { retryAfter: Number(seconds) } },
});
const unavailable = { status: 503, body: { code: "SERVICE_UNAVAILABLE", message: "The database is down" } };

describe("createBookyRestClient", () => {
  it("calls /api/v1 with the token as a bearer and answers typed data", async () => {
    server.answer({ status: 200, body: clubs });
    const booky = createBookyRestClient({ baseUrl: `${server.url}/`, token: "bky_secret" });
    const answer = await dataOf(booky.GET("/clubs", { params: { query: { mine: true, limit: 5 } } }));
    expect(answer).toEqual(clubs);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: "GET", url: "/api/v1/clubs?mine=true&limit=5" });
    expect(server.seen[0]?.headers.authorization).toBe("Bearer bky_secret");
  });

  it("retries a 429 after the Retry-After it asks for, then answers the 200", async () => {
    server.answer(rateLimited("1"), { status: 200, body: clubs });
    const booky = createBookyRestClient({ baseUrl: server.url, token: "bky_secret" });
    expect(await dataOf(booky.GET("/clubs", {}))).toEqual(clubs);
    const [first, second] = server.seen;
    expect(server.seen).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("sends a change's body again on each attempt, after a backoff when there is no Retry-After", async () => {
    server.answer(unavailable, unavailable, { status: 200, body: { page: 12, version: 1 } });
    const booky = createBookyRestClient({ baseUrl: server.url, token: "t", retry: { baseDelayMs: 20 } });
    const meetingId = "0b7c9c7e-8a7e-4a57-9a51-0f0c0d0e0f10";
    const progress = await dataOf(
      booky.POST("/meetings/{meetingId}/progress", {
        params: { path: { meetingId } },
        body: { page: 12, expectedVersion: 0 },
      }),
    );
    expect(progress).toMatchObject({ page: 12, version: 1 });
    expect(server.seen.map((request) => [request.method, request.url, JSON.parse(request.body)])).toEqual(
      Array(3).fill(["POST", `/api/v1/meetings/${meetingId}/progress`, { page: 12, expectedVersion: 0 }]),
    );
    const gaps = server.seen.slice(1).map((request, index) => request.at - (server.seen[index]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
  });

  it("gives up after its attempts and rejects with Booky's error", async () => {
    server.answer(unavailable);
    const booky = createBookyRestClient({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 1 } });
    const error = await errorOf(booky.GET("/points/balance"));
    expect(error).toBeInstanceOf(BookyApiError);
    expect(error).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE", message: "The database is down" });
    expect(server.seen).toHaveLength(3);
  });

  it("does not wait longer than maxDelayMs: a longer Retry-After is answered as the 429 it is", async () => {
    server.answer(rateLimited("120"), { status: 200, body: clubs });
    const booky = createBookyRestClient({ baseUrl: server.url, retry: { maxDelayMs: 5_000 } });
    const error = await errorOf(booky.GET("/clubs"));
    expect(error).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS", data: { retryAfter: 120 } });
    expect(server.seen).toHaveLength(1);
  });

  it("retries nothing else: a 409 rejects at once with the body, its details and the request id", async () => {
    const body = {
      code: "CONFLICT",
      message: "Your progress changed elsewhere; here is where it stands now",
      data: { code: "CONFLICT", httpStatus: 409, path: "progress.update", current: { page: 40, version: 4 } },
    };
    server.answer({ status: 409, headers: { "x-request-id": "req-1" }, body });
    const booky = createBookyRestClient({ baseUrl: server.url });
    const error = await errorOf(
      booky.POST("/meetings/{meetingId}/progress", {
        params: { path: { meetingId: "0b7c9c7e-8a7e-4a57-9a51-0f0c0d0e0f10" } },
        body: { page: 12, expectedVersion: 3 },
      }),
    );
    expect(error).toBeInstanceOf(BookyApiError);
    const refused = error as BookyApiError;
    expect([refused.status, refused.code, refused.requestId, refused.body]).toEqual([409, "CONFLICT", "req-1", body]);
    expect(refused.data.current).toEqual({ page: 40, version: 4 });
    expect(refused.issues).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("makes an error of an answer that is not Booky's body", async () => {
    server.answer({ status: 502, headers: { "content-type": "text/plain" } });
    const error = await errorOf(createBookyRestClient({ baseUrl: server.url }).GET("/clubs"));
    expect(error).toMatchObject({ status: 502, code: "HTTP_502" });
  });
});

describe("retryAfterMs", () => {
  it("reads delay-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-12-02T10:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Wed, 02 Dec 2026 10:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Wed, 02 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs("-1", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
