import type { TRPCError } from "@trpc/server";
import type { FastifyInstance } from "fastify";
import { type CreateOpenApiFastifyPluginOptions, fastifyTRPCOpenApiPlugin } from "trpc-to-openapi";
import { openApiDocument, REST_BASE_PATH } from "../openapi.js";
import type { AppRouter } from "../router.js";

type RestOptions = Pick<CreateOpenApiFastifyPluginOptions<AppRouter>, "router" | "createContext">;

/**
 * The REST surface: every procedure with `meta.openapi` under `/api/v1`,
 * called through the same builders (same authorization, same errors, as HTTP
 * statuses), answering plain JSON; and its OpenAPI document at `/api/openapi.json`.
 */
export async function registerRestApi(app: FastifyInstance, options: RestOptions): Promise<void> {
  const document = JSON.stringify(openApiDocument());
  app.get("/api/openapi.json", async (_request, reply) => reply.type("application/json").send(document));
  await app.register(fastifyTRPCOpenApiPlugin, {
    basePath: REST_BASE_PATH,
    router: options.router,
    createContext: options.createContext,
    onError({ error, path }: { error: TRPCError; path?: string }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        app.log.error({ err: error.cause ?? error, procedure: path }, "procedure failed");
    },
  });
}
