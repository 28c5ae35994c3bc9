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
    <link rel="stylesheet" href="${API_REFERENCE_PATH}/booky.css" />
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
 * an outside service) and no configuration from the query string. No deep
 * links: Swagger UI puts each one inside the operation's expand button, a
 * link within a button that keyboards and screen readers cannot tell apart
 * (axe's nested-interactive). The servers list gets the name Swagger UI's
 * label does not give it.
 */
const initScript = `SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#reference",
  deepLinking: false,
  validatorUrl: null,
  queryConfigEnabled: false,
  persistAuthorization: false,
  onComplete: () => document.getElementById("servers")?.setAttribute("aria-label", "Server"),
});
`;

/**
 * Swagger UI's colours that fail WCAG AA contrast (4.5:1 for its small text),
 * darkened: the method badges (white on light blue, green…), the version
 * badges, the document's link, the Authorize, Cancel and Execute buttons, the
 * parameters' "(path)" and "(query)", the answers' Download, the schemas'
 * "Expand all". The curl command wraps instead of scrolling sideways: a
 * region that scrolls must be reachable by keyboard, and Swagger UI's is
 * not (its highlighter's inline style is why the override is !important). A
 * stylesheet from 'self', as the CSP wants (no inline styles).
 */
const stylesheet = `.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b63c4; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #137a4a; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a5200; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0b7a66; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #c4161c; }
.swagger-ui .info .title small { background: #555b66; }
.swagger-ui .info .title small.version-stamp { background: #4a6e00; }
.swagger-ui .info .url, .swagger-ui .info a { color: #1a5fb4; }
.swagger-ui .btn.authorize { color: #137a4a; border-color: #137a4a; }
.swagger-ui .btn.authorize svg { fill: #137a4a; }
.swagger-ui .btn.cancel { color: #c4161c; border-color: #c4161c; }
.swagger-ui .btn.execute { background-color: #1a5fb4; border-color: #1a5fb4; }
.swagger-ui .parameter__in { color: #595959; }
.swagger-ui .download-contents { background: #555b66; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #595959; }
.swagger-ui .curl-command pre.curl { white-space: pre-wrap !important; overflow-wrap: anywhere; overflow-x: hidden !important; }
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
  app.get(`${API_REFERENCE_PATH}/booky.css`, async (_request, reply) =>
    reply.header("cache-control", "no-cache").type("text/css; charset=utf-8").send(stylesheet),
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
