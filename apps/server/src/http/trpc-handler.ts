import {
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  TRPCError,
} from "@trpc/server";
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import { getHTTPStatusCode, parseConnectionParamsFromString, type TRPCRequestInfo } from "@trpc/server/http";
import type { TRPCResponse } from "@trpc/server/rpc";
// The one function tRPC exports only from its internal entry: finding a procedure by its dotted path.
import { getProcedureAtPath } from "@trpc/server/unstable-core-do-not-import";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

type TrpcOptions<TRouter extends AnyTRPCRouter> = FastifyTRPCPluginOptions<TRouter>["trpcOptions"];

const ACCEPTED_METHOD: Record<string, string> = { query: "GET", mutation: "POST" };

/**
 * tRPC's HTTP wire format served straight from Fastify's request and reply.
 * The official adapter turns every request into a Fetch `Request` and every
 * answer into a Fetch `Response` and back (about 0.3 ms of CPU a call); this
 * does what its `resolveResponse` does for JSON queries and mutations, single
 * or batched, with tRPC's own functions: procedure lookup and call, error
 * shape, HTTP status; answers go through the router's transformer. Anything
 * else (streaming, subscriptions, form data, binary bodies, HEAD) goes to the
 * official handler unchanged.
 */
export function registerTrpcRoutes<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  prefix: string,
  options: TrpcOptions<TRouter>,
) {
  // As the official plugin does: JSON bodies arrive as text and are parsed (and reported) by tRPC's rules.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.removeContentTypeParser("multipart/form-data");
  app.addContentTypeParser("multipart/form-data", {}, (_request, body, done) => done(null, body));

  app.all<{ Params: { path: string } }>(`${prefix}/:path`, async (request, reply) => {
    if (!isPlainJsonCall(request)) {
      await fastifyRequestHandler({ ...options, req: request, res: reply, path: request.params.path });
      return reply;
    }
    return handleJsonCall(options, request, reply);
  });
}

function isPlainJsonCall(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "POST") return false;
  const accept = request.headers["trpc-accept"] ?? request.headers.accept;
  if (typeof accept === "string" && accept.includes("application/jsonl")) return false;
  const contentType = request.headers["content-type"]?.split(";", 1)[0]?.trim().toLowerCase();
  return contentType === "application/json" || (contentType === undefined && request.method === "GET");
}

/** What a context factory learns of the request; made per request, so its lazy parts are getters on the prototype. */
class JsonCallInfo implements TRPCRequestInfo {
  readonly accept = null;
  constructor(
    readonly isBatchCall: boolean,
    readonly calls: TRPCRequestInfo["calls"],
    readonly type: TRPCRequestInfo["type"],
    readonly connectionParams: TRPCRequestInfo["connectionParams"],
    private readonly request: FastifyRequest,
  ) {}
  // Made only if a context factory asks for them (Booky's does not).
  get signal() {
    return new AbortController().signal;
  }
  get url() {
    return new URL(this.request.url, `${this.request.protocol}://${this.request.host}`);
  }
}

/** The calls' one procedure type ("unknown" if none was found); a batch may not mix queries and mutations. */
function typeOfCalls(calls: TRPCRequestInfo["calls"]): TRPCRequestInfo["type"] {
  const type = calls.find((call) => call.procedure)?.procedure?._def.type;
  if (calls.some((call) => call.procedure && call.procedure._def.type !== type)) {
    const types = new Set(calls.map((call) => call.procedure?._def.type).filter(Boolean));
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Cannot mix procedure types in call: ${[...types].join(", ")}`,
    });
  }
  return type ?? "unknown";
}

async function handleJsonCall<TRouter extends AnyTRPCRouter>(
  options: TrpcOptions<TRouter>,
  request: FastifyRequest<{ Params: { path: string } }>,
  reply: FastifyReply,
) {
  const { router } = options;
  const config = router._def._config;
  // Called as a method, as tRPC calls it: a transformer's serialize may use `this`.
  const output = config.transformer.output;
  const query = request.query as Record<string, string | undefined>;
  const isBatchCall = query.batch === "1";
  reply.header("vary", "trpc-accept, accept").header("content-type", "application/json");

  let info: TRPCRequestInfo | undefined;
  let ctx: unknown;
  try {
    const path = decodePath(request.params.path);
    const paths = isBatchCall ? path.split(",") : [path];
    if (isBatchCall && typeof options.maxBatchSize === "number" && paths.length > options.maxBatchSize) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Batch call exceeds maximum size" });
    }
    const inputs = lazyInputs(request, config.transformer.input.deserialize, isBatchCall, paths.length);
    const calls: TRPCRequestInfo["calls"] = [];
    for (const [batchIndex, callPath] of paths.entries()) {
      calls.push({
        path: callPath,
        batchIndex,
        procedure: (await getProcedureAtPath(router, callPath)) as AnyTRPCProcedure | null,
        getRawInput: () => inputs.read(batchIndex),
        result: () => inputs.result(batchIndex),
      });
    }
    const type = typeOfCalls(calls);
    if (type === "subscription") {
      await fastifyRequestHandler({ ...options, req: request, res: reply, path: request.params.path });
      return reply;
    }
    const connectionParams = query.connectionParams;
    info = new JsonCallInfo(
      isBatchCall,
      calls,
      type,
      connectionParams === undefined ? null : parseConnectionParamsFromString(connectionParams),
      request,
    );
    const requestInfo = info;
    let contextError: TRPCError | null = null;
    try {
      ctx = await options.createContext?.({ req: request, res: reply, info: requestInfo });
    } catch (cause) {
      contextError = getTRPCErrorFromUnknown(cause);
    }

    const responses: TRPCResponse[] = await Promise.all(
      requestInfo.calls.map(async (call) => {
        const type = call.procedure?._def.type ?? "unknown";
        try {
          if (contextError) throw contextError;
          const procedure = call.procedure;
          if (!procedure)
            throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${call.path}"` });
          if (ACCEPTED_METHOD[procedure._def.type] !== request.method) {
            throw new TRPCError({
              code: "METHOD_NOT_SUPPORTED",
              message: `Unsupported ${request.method}-request to ${procedure._def.type} procedure at path "${call.path}"`,
            });
          }
          const data = await procedure({
            path: call.path,
            getRawInput: call.getRawInput,
            ctx,
            type: procedure._def.type,
            signal: undefined,
            batchIndex: call.batchIndex,
          });
          return { result: { data } };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          const input = call.result();
          options.onError?.({ error, path: call.path, input, ctx, type, req: request });
          return { error: getTRPCErrorShape({ config, ctx, error, input, path: call.path, type }) };
        }
      }),
    );
    reply.code(getHTTPStatusCode(responses));
    const body = isBatchCall
      ? responses.map((item) => serialized(item, output))
      : serialized(responses[0] as TRPCResponse, output);
    return reply.serializer(asIs).send(json(body));
  } catch (cause) {
    // The request itself was bad (path, batch size, mixed types): one error for all of it.
    const error = getTRPCErrorFromUnknown(cause);
    const type = info?.type ?? "unknown";
    options.onError?.({ error, path: undefined, input: undefined, ctx, type, req: request });
    const body = { error: getTRPCErrorShape({ config, ctx, error, input: undefined, path: undefined, type }) };
    // tRPC answers these without naming a content type, so the Fetch Response's default shows: mirror it.
    reply.code(getHTTPStatusCode(body)).header("content-type", "text/plain;charset=UTF-8");
    return reply.serializer(asIs).send(json(serialized(body, output)));
  }
}

/**
 * A call's answer through the transformer, as tRPC's `transformTRPCResponse` makes it (its copies go through a
 * transpiled spread helper that defines each property one by one: ~1.5% of the process under `meetings.get`).
 */
function serialized(item: TRPCResponse, output: { serialize: (value: unknown) => unknown }) {
  return "error" in item
    ? { error: output.serialize(item.error) }
    : { result: { data: output.serialize(item.result.data) } };
}

/**
 * The answer as a JSON string sent as it is: with a serializer set, Fastify keeps tRPC's
 * `content-type: application/json` unchanged (no charset added), and Node sends a string body in
 * one write with the headers instead of copying it into a Buffer first.
 */
const json = (value: unknown) => JSON.stringify(value);
const asIs = (payload: string) => payload;

/** `decodeURIComponent` throws a plain URIError on bad escapes: that is the caller's fault, as in tRPC. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid URL-encoding in path "${path}"`, cause });
  }
}

/**
 * The calls' inputs, parsed once and only when a procedure asks (a procedure
 * without input never reads the body): `?input=` for queries, the body for
 * mutations; a batch's input is an object keyed by call index.
 */
function lazyInputs(
  request: FastifyRequest,
  deserialize: (value: unknown) => unknown,
  isBatchCall: boolean,
  calls: number,
) {
  let parsed: Promise<Record<number, unknown>> | null = null;
  let value: Record<number, unknown> | null = null;
  const parse = async (): Promise<Record<number, unknown>> => {
    const raw =
      request.method === "GET"
        ? (request.query as Record<string, string | undefined>).input
        : (request.body as string | undefined);
    // A query's input is optional; a mutation's body must be JSON (tRPC reads it with `Request.json()`).
    const inputs = request.method === "GET" ? (raw ? (JSON.parse(raw) as unknown) : undefined) : JSON.parse(raw ?? "");
    if (inputs === undefined) return {};
    if (!isBatchCall) return { 0: deserialize(inputs) };
    if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: '"input" needs to be an object when doing a batch call' });
    }
    const byIndex: Record<number, unknown> = {};
    for (let index = 0; index < calls; index++) {
      const input = (inputs as Record<number, unknown>)[index];
      if (input !== undefined) byIndex[index] = deserialize(input);
    }
    return byIndex;
  };
  return {
    read: async (index: number) => {
      parsed ??= parse().catch((cause: unknown) => {
        parsed = null;
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: cause instanceof Error ? cause.message : "Invalid input",
          cause,
        });
      });
      value = await parsed;
      return value[index];
    },
    result: (index: number) => value?.[index],
  };
}
