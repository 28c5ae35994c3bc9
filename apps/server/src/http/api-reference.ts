import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where the API reference page lives; the web app's footer links to it. */
export const API_REFERENCE_PATH = "/api/docs";

/** The renderer's files Booky serves itself (no CDN): the page's CSP allows scripts and styles from 'self' only. */
const rendererAssets = new Set(["/swagger-ui-bundle.js", "/swagger-ui.css", "/favicon-32x32.png"]);

const rendererDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The page: no inline script (CSP `script-src 'self'`), the renderer started by `init.js`. */
const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Booky API reference</title>
    <link rel="icon" type="image/png" href="${API_REFERENCE_PATH}/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="${API_REFERENCE_PATH}/assets/swagger-ui.css" />
  </head>
  <body>
    <main id="reference" aria-label="Booky API reference"></main>
    <script src="${API_REFERENCE_PATH}/assets/swagger-ui-bundle.js"></script>
    <script src="${API_REFERENCE_PATH}/init.js"></script>
  </body>
</html>
`;

/**
 * Renders the document at /api/openapi.json. No validator badge (it would call
 * an outside service) and no configuration from the query string.
 */
const initScript = `SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#reference",
  deepLinking: true,
  validatorUrl: null,
  queryConfigEnabled: false,
  persistAuthorization: false,
});
`;

/**
 * The API reference page at `/api/docs`: Swagger UI (swagger-ui-dist, served
 * from Booky under its strict CSP) rendering the REST API's OpenAPI document.
 */
export async function registerApiReference(app: FastifyInstance): Promise<void> {
  app.get(API_REFERENCE_PATH, async (_request, reply) =>
    reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(page),
  );
  app.get(`${API_REFERENCE_PATH}/init.js`, async (_request, reply) =>
    reply.header("cache-control", "no-cache").type("text/javascript; charset=utf-8").send(initScript),
  );
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: rendererDir,
      prefix: `${API_REFERENCE_PATH}/assets/`,
      decorateReply: false,
      index: false,
      maxAge: "1d",
      allowedPath: (pathname) => rendererAssets.has(pathname),
    });
  });
}
