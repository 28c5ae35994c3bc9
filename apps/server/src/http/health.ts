import { sql } from "@booky/db";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../context.js";

/** Liveness (the process answers), readiness (the database answers), Prometheus metrics. */
export function registerOperationalRoutes(app: FastifyInstance, deps: Pick<AppDeps, "db" | "metrics">): void {
  // Probes are polled often: log them at warn, but never louder than LOG_LEVEL allows.
  const quieter = ["error", "fatal", "silent"] as const;
  const logLevel = quieter.find((level) => level === app.log.level) ?? "warn";
  app.get("/healthz", { logLevel }, async () => ({ status: "ok" }));

  app.get("/readyz", { logLevel }, async (_request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: "ready" };
    } catch (error) {
      reply.log.warn({ err: error }, "readiness check failed");
      return reply.code(503).send({ status: "unavailable", reason: "database unreachable" });
    }
  });

  app.get("/metrics", { logLevel }, async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  app.addHook("onResponse", (request, reply, done) => {
    deps.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status_code: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
