import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built single-page app; unknown GET paths that want HTML get
 * index.html so deep links survive a reload. API paths keep real 404s.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(path.join(distDir, "index.html"))) return false;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, maxAge: "1h" });
  app.get("/", (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html"));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && request.headers.accept?.includes("text/html");
    if (wantsPage && !request.url.startsWith("/trpc")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply.code(404).send({ error: "Not Found", path: request.url });
  });
  return true;
}
