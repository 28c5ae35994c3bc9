import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

/** Helmet, as Booky configures it: its defaults, with a content security policy for the web app. */
export const securityMiddleware = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "https:", "data:"],
      connectSrc: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
});

/**
 * The headers helmet sets, worked out once at start-up. With no per-request
 * directive (no nonce), every answer gets the same ones, so each request only
 * copies them onto Fastify's reply. Run on the raw response instead, helmet
 * calls `setHeader` a dozen times a request, and Node then merges the reply's
 * own headers in one by one too (a few per cent of a call in the bench).
 */
export const securityHeaders: Readonly<Record<string, string>> = recordHeaders(securityMiddleware);

function recordHeaders(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
    finished = true;
  });
  // Helmet's middleware is synchronous; one that was not would have set nothing yet.
  if (!finished) throw new Error("helmet did not finish synchronously: its headers cannot be worked out once");
  return headers;
}
