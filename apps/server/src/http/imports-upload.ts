import { IMPORT_MAX_BYTES, IMPORT_SOURCES } from "@booky/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../context.js";
import { AppError, unauthorized } from "../errors.js";
import { startImport } from "../services/imports.js";
import { findActiveSessionUser } from "../services/sessions.js";

const query = z.object({
  source: z.enum([...IMPORT_SOURCES, "auto"]).default("auto"),
  fileName: z.string().max(200).default("import.csv"),
});

const statusOf: Record<AppError["kind"], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * `POST /imports?source=auto|goodreads|storygraph&fileName=…`: the export
 * file as the raw body (text/csv or application/octet-stream), with the same
 * bearer token as the tRPC calls. A file route rather than a procedure
 * because exports run to megabytes, far over the tRPC body limit. Answers
 * 201 `{ id, source, totalRows }`, or `{ error: { kind, field, message } }`.
 */
export function registerImportUpload(app: FastifyInstance, deps: Pick<AppDeps, "db" | "accessTokens">): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ["text/csv", "application/octet-stream", "text/plain"],
      { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES + 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post("/imports", { bodyLimit: IMPORT_MAX_BYTES + 1024 * 1024 }, async (request, reply) => {
      try {
        const header = request.headers.authorization;
        const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
        const claims = token ? await deps.accessTokens.verify(token) : null;
        const user = claims ? await findActiveSessionUser(deps.db, claims.sessionId, claims.userId) : null;
        if (!claims || !user) throw unauthorized("Sign in to continue");
        const options = query.safeParse(request.query);
        if (!options.success) throw new AppError("invalid", "Unknown source", { field: "source" });
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const job = await startImport(deps.db, user.id, {
          name: options.data.fileName,
          bytes,
          source: options.data.source,
        });
        return reply.code(201).send(job);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.issues?.[0]?.path[0] ?? null;
        return reply.code(statusOf[error.kind]).send({ error: { kind: error.kind, field, message: error.message } });
      }
    });
  });
}
