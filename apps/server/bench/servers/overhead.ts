// What the HTTP layer costs, with nothing else in the way: one trivial query procedure (a zod input,
// Booky's transformer) served by one bare Fastify in three ways, beside a plain route:
//   GET /plain?echo=…                    a plain Fastify route
//   GET /trpc/ping?input=…               tRPC's official Fastify adapter (TRPC_HANDLER=adapter)
//   GET /caller/ping?echo=…              the same router called through createCallerFactory in a plain route
//   GET /native/ping?input=…             Booky's Fastify-native handler (src/http/trpc-handler.ts as built, the default)
// Run by the bench as a child process: PORT.
import { initTRPC } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify from "fastify";
import superjson from "superjson";
import { z } from "zod";

// Booky's handler and transformer as the production build runs them (the bench builds it first): through tsx, each of
// their closures would be wrapped to keep its name, a few per cent of this process that Booky's does not pay.
const built = (file: string) => new URL(`../../dist/${file}`, import.meta.url).href;
const { registerTrpcRoutes } = (await import(
  built("http/trpc-handler.js")
)) as typeof import("../../src/http/trpc-handler.js");
const { transformer } = (await import(built("transformer.js"))) as typeof import("../../src/transformer.js");

const t = initTRPC.create({ transformer });
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

await app.register(async (scope) => registerTrpcRoutes(scope, "/native", { router, createContext: () => ({}) }));

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
console.log(JSON.stringify({ listening: typeof address === "object" && address ? address.port : null }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await app.close();
    process.exit(0);
  });
}
