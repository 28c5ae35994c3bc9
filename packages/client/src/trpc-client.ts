import { createTRPCClient, httpBatchLink, retryLink, type TRPCClient, type TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { delayBeforeRetry, type RetryOptions } from "./retry.js";
import type { AppRouter } from "./router.js";

export interface BookyClientOptions {
  /**
   * Booky's address, e.g. `https://booky.example` (the tRPC endpoint is `/trpc`); a development server's,
   * `http://localhost:3000`, when it is not given (so `process.env.BOOKY_URL` may be unset).
   */
  url?: string | undefined;
  /** A personal access token (`bky_…`) or an access token from signing in; sent as `Authorization: Bearer`. */
  token?: string;
  /** Retries of 429 and 503 answers (see RetryOptions); `{ attempts: 1 }` turns them off. */
  retry?: RetryOptions;
  /** The fetch to send requests with (default: the global fetch). */
  fetch?: typeof fetch;
}

const DEVELOPMENT_URL = "http://localhost:3000";

/** A typed tRPC client of Booky: `booky.clubs.list.query(…)`, `booky.progress.update.mutate(…)`. */
export type BookyClient = TRPCClient<AppRouter>;

/** A failed call: `error.data.code` (`FORBIDDEN`, `CONFLICT`…), `error.data.httpStatus`, `error.message`. */
export type BookyClientError = TRPCClientError<AppRouter>;

/**
 * tRPC's retryLink with Booky's rule (delayBeforeRetry): 429 and 503 again
 * after their `Retry-After`, else after a doubling backoff. The link asks
 * `retry` and then, at once, `retryDelayMs` (which is given the attempt
 * only), so `retry` leaves the delay it read from the answer for it.
 */
function retryAfterLaterAnswers(options: RetryOptions | undefined): Parameters<typeof retryLink<AppRouter>>[0] {
  let delayMs = 0;
  return {
    retry({ op, error, attempts }) {
      if (op.type === "subscription") return false;
      const response = error.meta?.response instanceof Response ? error.meta.response : undefined;
      const status = error.data?.httpStatus ?? response?.status;
      const retryAfter =
        response?.headers.get("retry-after") ?? (error.data?.retryAfter ? String(error.data.retryAfter) : null);
      const delay = delayBeforeRetry(status, retryAfter, attempts, options);
      if (delay === null) return false;
      delayMs = delay;
      return true;
    },
    retryDelayMs: () => delayMs,
  };
}

/**
 * A typed tRPC client of Booky's server at `url`: the procedures, their inputs
 * and answers from the server's AppRouter; superjson on the wire (dates stay
 * dates); calls made together sent in one batch; 429 and 503 retried after
 * their `Retry-After`. Booky refuses those before changing anything, so
 * mutations are retried too.
 */
export function createBookyClient(options: BookyClientOptions): BookyClient {
  const token = options.token;
  return createTRPCClient<AppRouter>({
    links: [
      retryLink(retryAfterLaterAnswers(options.retry)),
      httpBatchLink({
        url: `${(options.url ?? DEVELOPMENT_URL).replace(/\/+$/, "")}/trpc`,
        transformer: superjson,
        headers: () => (token ? { Authorization: `Bearer ${token}` } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
