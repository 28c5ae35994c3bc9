import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../context.js";
import { AppError } from "../errors.js";
import { unsubscribe, verifyUnsubscribe } from "../services/unsubscribe.js";

/**
 * `POST /unsubscribe?u=…&k=…&t=…`: RFC 8058 one-click unsubscribe, as mail
 * clients send it (`List-Unsubscribe=One-Click`, form-encoded) and as the
 * confirmation page does. No login: the signed link is the proof. A GET of
 * the same address is the web app's confirmation page, which changes nothing.
 */
export function registerUnsubscribe(app: FastifyInstance, deps: Pick<AppDeps, "db" | "config">): void {
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Querystring: Record<string, string | undefined> }>("/unsubscribe", async (request, reply) => {
      try {
        const { userId, scope: which } = verifyUnsubscribe(deps.config.JWT_SECRET, request.query);
        return await unsubscribe(deps.db, userId, which);
      } catch (error) {
        if (error instanceof AppError && error.kind === "invalid")
          return reply.code(400).send({ error: error.message });
        throw error;
      }
    });
  });
}
