/** How the client retries answers that say "later": 429 Too Many Requests and 503 Service Unavailable. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4); 1 turns retries off. */
  attempts?: number;
  /** The first wait without a `Retry-After`, doubled after each attempt (default 250 ms). */
  baseDelayMs?: number;
  /** The longest wait (default 30 s): an answer asking for longer is returned as it is, not waited on. */
  maxDelayMs?: number;
}

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or
 * an HTTP date (RFC 9110, 10.2.3); null when there is none or it cannot be read.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month ("Wed, 02 Dec 2026 10:00:05 GMT"); Date.parse alone would take "-1".
  const date = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1` after an answer with this
 * status and `Retry-After`: null when it is not retried (not 429 or 503, the
 * attempts are spent, or it asks for longer than `maxDelayMs`). Without a
 * `Retry-After`, an exponential backoff from `baseDelayMs`. Both clients, REST
 * and tRPC, retry by this one rule.
 */
export function delayBeforeRetry(
  status: number | undefined,
  retryAfter: string | null,
  attempt: number,
  options: RetryOptions = {},
): number | null {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 4));
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  if (status === undefined || !RETRIED_STATUSES.has(status) || attempt >= attempts) return null;
  const delay = retryAfterMs(retryAfter) ?? Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return delay > maxDelayMs ? null : delay;
}

const wait = (ms: number, signal: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * A fetch that sends a request again while the answer is 429 or 503, as
 * delayBeforeRetry says (the REST client's; the tRPC client uses tRPC's
 * retryLink). Booky refuses those before changing anything, so a change
 * (POST) is retried too. The last answer is returned as it is.
 */
export function retryingFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  options: RetryOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      // A body can be sent once: every attempt but the last possible one sends a copy.
      const last = attempt >= Math.max(1, Math.floor(options.attempts ?? 4));
      const response = await fetchImpl(last ? request : request.clone());
      const delay = delayBeforeRetry(response.status, response.headers.get("retry-after"), attempt, options);
      if (delay === null) return response;
      await response.body?.cancel();
      await wait(delay, request.signal);
    }
  };
}
