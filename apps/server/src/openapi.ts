import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./router.js";

/**
 * The REST API's version. Raise the major part with any breaking change to the
 * document (a removed operation, field or value; a newly required input): CI
 * compares the committed `docs/openapi.json` with main's and fails a breaking
 * change that keeps the version (scripts/openapi-check.mjs, docs/api.md).
 */
export const API_VERSION = "1.2.0";

/** Where REST operations live; the document at `/api/openapi.json` names it as its server. */
export const REST_BASE_PATH = "/api/v1";

/** The OpenAPI 3.1 document of every procedure with `meta.openapi` (see `rest` in trpc.ts). */
export function openApiDocument() {
  return generateOpenApiDocument(appRouter, {
    title: "Booky API",
    description:
      "Book clubs, meetings, reading progress, bets, points and leaderboards. " +
      "Send `Authorization: Bearer <token>`: a personal access token (`bky_…`, scoped) or an access token from signing in. " +
      "Errors answer the HTTP status of their code with `{ code, message, issues?, data }`.",
    version: API_VERSION,
    baseUrl: REST_BASE_PATH,
  });
}
