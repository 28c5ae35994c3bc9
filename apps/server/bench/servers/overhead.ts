// What the HTTP layer costs, with nothing else in the way: one trivial query procedure (a zod input,
// superjson like Booky's) served three ways by one bare Fastify, beside a plain route:
//   GET /plain?echo=…                    a plain Fastify route
//   GET /trpc/ping?input=…               tRPC's official Fastify adapter (Booky's production path)
//   GET /caller/ping?echo=…              the same router called through createCallerFactory in a plain route
//   GET /native/ping?input=…             a Fastify-native handler built from @trpc/server's own functions
//                                         (single GET queries only: the measurement behind not adopting one yet)
// Run by the bench as a child process: PORT.
import { initTRPC } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import {
  callProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import Fastify from "fastify";
import superjson from "superjson";
import { z } from "zod";

const t = initTRPC.create({ transformer: superjson });
const router = t.router({
  ping: t.procedure.input(z.object({ echo: z.string().max(64) })).query(({ input }) => ({ echo: input.echo })),
});
const createCaller = t.createCallerFactory(router);

const app = Fastify({ logger: false });

app.get<{ Querystring: { echo?: string } }>("/plain", async (request) => ({ echo: request.query.echo ?? "" }));

await app.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: { router, createContext: () => ({}) } });

const caller = createCaller({});
app.get<{ Querystring: { echo?: string } }>("/caller/ping", async (request) => {
  const data = await caller.ping({ echo: request.query.echo ?? "" });
  return { result: { data: superjson.serialize(data) } };
});

// tRPC's wire format without the Fetch Request/Response round trip: same input decoding, procedure call,
// error shape, status code and transformer as resolveResponse, straight from and to Fastify's request and reply.
const config = router._def._config;
app.get<{ Params: { path: string }; Querystring: { input?: string } }>("/native/:path", async (request, reply) => {
  const { path } = request.params;
  let input: unknown;
  try {
    const raw = request.query.input;
    input = raw === undefined ? undefined : config.transformer.input.deserialize(JSON.parse(raw));
    const data = await callProcedure({
      router,
      path,
      getRawInput: async () => input,
      ctx: {},
      type: "query",
      signal: undefined,
      batchIndex: 0,
    });
    return reply.type("application/json").send(JSON.stringify(transformTRPCResponse(config, { result: { data } })));
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    const body = { error: getErrorShape({ config, error, type: "query", path, input, ctx: {} }) };
    reply.code(getHTTPStatusCode(body)).type("application/json");
    return reply.send(JSON.stringify(transformTRPCResponse(config, body)));
  }
});

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
console.log(JSON.stringify({ listening: typeof address === "object" && address ? address.port : null }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await app.close();
    process.exit(0);
  });
}
