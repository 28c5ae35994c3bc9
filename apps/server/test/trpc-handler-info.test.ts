import { initTRPC } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { TRPCRequestInfo } from "@trpc/server/http";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { registerTrpcRoutes } from "../src/http/trpc-handler.js";
import { transformer } from "../src/transformer.js";

/**
 * What a context factory learns of the request (`info`) must be the same through the
 * native handler as through tRPC's adapter: its kind, the calls, their inputs, the
 * connection parameters, and the lazily made URL and abort signal.
 */
const t = initTRPC.context<{ seen: unknown }>().create({ transformer, isDev: false });
const router = t.router({
  echo: t.procedure.input(z.object({ at: z.date() })).query(({ input, ctx }) => ({ at: input.at, seen: ctx.seen })),
  ping: t.procedure.query(({ ctx }) => ({ seen: ctx.seen })),
});

async function whatTheContextSees(info: TRPCRequestInfo) {
  return {
    type: info.type,
    isBatchCall: info.isBatchCall,
    accept: info.accept,
    connectionParams: info.connectionParams,
    calls: await Promise.all(
      info.calls.map(async (call) => ({
        path: call.path,
        batchIndex: call.batchIndex,
        found: call.procedure !== null,
        input: await call.getRawInput(),
      })),
    ),
    url: info.url?.pathname,
    query: Object.fromEntries(info.url?.searchParams ?? []),
    signal: info.signal instanceof AbortSignal,
  };
}

const app = Fastify({ logger: false });
const trpcOptions = {
  router,
  createContext: async ({ info }: { info: TRPCRequestInfo }) => ({ seen: await whatTheContextSees(info) }),
};
await app.register(async (scope) => registerTrpcRoutes(scope, "/native", trpcOptions));
await app.register(fastifyTRPCPlugin, { prefix: "/adapter", trpcOptions });
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
afterAll(() => app.close());

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const at = new Date("2026-12-07T10:00:00.000Z");
/** `{ at }` as a superjson client sends it: the ISO string, annotated as a Date. */
const dateInput = { json: { at: at.toISOString() }, meta: { values: { at: ["Date"] } } };

/** An answer through superjson: the procedure's data with its type annotations beside it. */
interface Answer {
  result: { data: { json: { at?: string; seen: unknown }; meta?: { values: Record<string, unknown> } } };
}

async function answerOf(prefix: string, path: string) {
  const response = await fetch(`${base}/${prefix}/${path}`);
  return { status: response.status, body: (await response.json()) as Answer };
}

describe("the native handler's request info", () => {
  it.each([
    ["a query with a date input", `echo?input=${encode(dateInput)}`],
    [
      "a batch with connection parameters",
      `ping,echo?batch=1&connectionParams=${encode({ ticket: "t-1" })}&input=${encode({ 1: dateInput })}`,
    ],
    ["a call to no procedure", "nope"],
  ])("is the adapter's for %s", async (_name, path) => {
    const [native, adapter] = await Promise.all([answerOf("native", path), answerOf("adapter", path)]);
    const withoutPrefix = (answer: unknown) =>
      JSON.parse(JSON.stringify(answer).replaceAll("/native/", "/<prefix>/").replaceAll("/adapter/", "/<prefix>/"));
    expect(withoutPrefix(native)).toEqual(withoutPrefix(adapter));
    expect(native.status).not.toBe(500);
  });

  it("hands the procedure its input as the transformer read it (a Date, not a string)", async () => {
    const { body } = await answerOf("native", `echo?input=${encode(dateInput)}`);
    expect(body.result.data.meta?.values.at).toEqual(["Date"]);
    expect(body.result.data.json.at).toBe(at.toISOString());
    expect(body.result.data.json.seen).toMatchObject({
      type: "query",
      isBatchCall: false,
      url: "/native/echo",
      signal: true,
    });
  });
});
