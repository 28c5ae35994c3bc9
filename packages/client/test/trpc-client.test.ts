import { errorOf, scriptedServer } from "@booky/testing/scripted-server";
import { describe, expect, it } from "vitest";
import { createBookyClient, TRPCClientError } from "../src/index.js";

const server = await scriptedServer();
const meetingId = "0b7c9c7e-8a7e-4a57-9a51-0f0c0d0e0f10";

/** tRPC's batch wire format: one array entry per call, each in superjson's `{ json, meta }`. */
const failure = (code: string, httpStatus: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: { json: { code: -32000, message, data: { code, httpStatus, retryAfter: null, ...extra } } },
});
const unavailable = {
  status: 503,
  body: [failure("SERVICE_UNAVAILABLE", 503, "The database is down")],
};

describe("createBookyClient (tRPC)", () => {
  it("batches calls made together into one request to /trpc, with the token, and reads superjson answers", async () => {
    const updatedAt = "2026-12-02T10:00:00.000Z";
    server.answer({
      status: 200,
      body: [
        { result: { data: { json: { items: [], nextCursor: null } } } },
        {
          result: {
            data: {
              json: { page: 12, version: 1, finishedAt: null, updatedAt, percent: 4 },
              meta: { values: { updatedAt: ["Date"] } },
            },
          },
        },
      ],
    });
    const booky = createBookyClient({ url: `${server.url}/`, token: "bky_secret" });
    const [clubs, progress] = await Promise.all([
      booky.clubs.list.query({ mine: true }),
      booky.progress.get.query({ meetingId }),
    ]);
    expect(clubs).toEqual({ items: [], nextCursor: null });
    expect(progress?.updatedAt).toEqual(new Date(updatedAt));
    expect(server.seen).toHaveLength(1);
    const [request] = server.seen;
    expect(request?.url.split("?")[0]).toBe("/trpc/clubs.list,progress.get");
    expect(request?.headers.authorization).toBe("Bearer bky_secret");
  });

  it("sends a mutation again after a backoff when a 503 has no Retry-After, then answers", async () => {
    const answer = { page: 12, version: 1, finishedAt: null, updatedAt: null, percent: 4 };
    server.answer(unavailable, unavailable, { status: 200, body: [{ result: { data: { json: answer } } }] });
    const booky = createBookyClient({ url: server.url, token: "t", retry: { baseDelayMs: 20 } });
    expect(await booky.progress.update.mutate({ meetingId, page: 12, expectedVersion: 0 })).toMatchObject(answer);
    expect(server.seen.map((request) => [request.method, JSON.parse(request.body)])).toEqual(
      Array(3).fill(["POST", { 0: { json: { meetingId, page: 12, expectedVersion: 0 } } }]),
    );
    const gaps = server.seen.slice(1).map((request, index) => request.at - (server.seen[index]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
  });

  it("gives up after its attempts, and does not wait on a Retry-After longer than maxDelayMs", async () => {
    server.answer(unavailable);
    const booky = createBookyClient({ url: server.url, retry: { attempts: 3, baseDelayMs: 1 } });
    const error = await errorOf(booky.clubs.list.query({ mine: true }));
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toMatchObject({ message: "The database is down", data: { code: "SERVICE_UNAVAILABLE" } });
    expect(server.seen).toHaveLength(3);

    server.answer({
      status: 429,
      headers: { "retry-after": "120" },
      body: [failure("TOO_MANY_REQUESTS", 429, "Slow down", { retryAfter: 120 })],
    });
    const patient = createBookyClient({ url: server.url, retry: { maxDelayMs: 5_000 } });
    const limited = await errorOf(patient.clubs.list.query({ mine: true }));
    expect(limited).toMatchObject({ data: { code: "TOO_MANY_REQUESTS", retryAfter: 120 } });
    expect(server.seen).toHaveLength(1);
  });

  it("retries nothing else: a CONFLICT rejects at once with where things stand", async () => {
    const current = { page: 40, version: 4 };
    server.answer({ status: 409, body: [failure("CONFLICT", 409, "Your progress changed elsewhere", { current })] });
    const booky = createBookyClient({ url: server.url });
    const error = await errorOf(booky.progress.update.mutate({ meetingId, page: 12, expectedVersion: 3 }));
    expect(error).toMatchObject({ data: { code: "CONFLICT", httpStatus: 409, current } });
    expect(server.seen).toHaveLength(1);
  });
});
