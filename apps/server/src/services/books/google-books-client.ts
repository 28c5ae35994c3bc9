import CircuitBreaker from "opossum";
import pRetry, { AbortError } from "p-retry";
import { RateLimiterMemory, RateLimiterQueue } from "rate-limiter-flexible";
import { type CatalogVolume, googleVolumesListSchema, toCatalogVolume } from "./google-volume.js";

export interface GoogleBooksClientOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  /** One HTTP attempt. */
  attemptTimeoutMs: number;
  /** Retries after the first attempt, on 429, 5xx, timeouts and network errors. */
  retries: number;
  /** Everything one call may take, retries and waits included: then the caller falls back. */
  budgetMs: number;
  /** Outgoing requests per minute from this process (the API's quota is per project). */
  ratePerMinute: number;
  /** How long the circuit stays open before one trial call. */
  breakerResetMs?: number;
  onCall?: (outcome: "ok" | "failed" | "rejected") => void;
}

/** The API cannot answer now (down, slow, over quota, broken payloads, or the circuit is open). */
export class GoogleBooksUnavailable extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Google Books is unavailable: ${reason}`, options);
    this.name = "GoogleBooksUnavailable";
  }
}

/** A 4xx answer that retrying will not change (e.g. 404 for an unknown volume). */
class ClientFailure extends Error {
  constructor(readonly status: number) {
    super(`Google Books answered ${status}`);
    this.name = "ClientFailure";
  }
}

class RetriableStatus extends Error {
  constructor(readonly status: number) {
    super(`Google Books answered ${status}`);
    this.name = "RetriableStatus";
  }
}

export type SearchPage = { totalItems: number; volumes: CatalogVolume[] };

/**
 * The Books API v1 over Node's fetch: per-attempt timeouts, retries with
 * exponential backoff (p-retry) on 429/5xx/timeouts, outgoing rate limiting
 * (rate-limiter-flexible's queue), and a circuit breaker (opossum) so an
 * outage fails fast instead of holding requests for the whole budget.
 */
export function createGoogleBooksClient(options: GoogleBooksClientOptions) {
  const queue = new RateLimiterQueue(new RateLimiterMemory({ points: options.ratePerMinute, duration: 60 }), {
    maxQueueSize: 100,
  });

  async function waitForToken(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([queue.removeTokens(1), aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  async function attempt(url: URL, budget: AbortSignal): Promise<unknown> {
    await waitForToken(budget);
    const signal = AbortSignal.any([budget, AbortSignal.timeout(options.attemptTimeoutMs)]);
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new RetriableStatus(response.status);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AbortError(new ClientFailure(response.status));
    }
    try {
      return await response.json();
    } catch (error) {
      throw new AbortError(new GoogleBooksUnavailable("malformed JSON", { cause: error }));
    }
  }

  async function getJson(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(path, options.baseUrl);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    if (options.apiKey) url.searchParams.set("key", options.apiKey);
    const budget = AbortSignal.timeout(options.budgetMs);
    return pRetry(() => attempt(url, budget), {
      retries: options.retries,
      minTimeout: 100,
      factor: 2,
      maxTimeout: 1000,
      randomize: true,
      signal: budget,
      // A timed-out attempt throws a DOMException (not an Error subclass p-retry knows): retry it too.
      shouldRetry: ({ error }) => !budget.aborted && !(error instanceof ClientFailure),
    });
  }

  const breaker = new CircuitBreaker(getJson, {
    timeout: false, // getJson enforces the budget itself and aborts the request
    errorThresholdPercentage: 50,
    volumeThreshold: 3,
    rollingCountTimeout: 30_000,
    resetTimeout: options.breakerResetMs ?? 30_000,
    // A 404 or 400 is an answer, not an outage.
    errorFilter: (error: unknown) => error instanceof ClientFailure,
  });

  async function call(path: string, params: Record<string, string>): Promise<unknown> {
    try {
      const body = await breaker.fire(path, params);
      options.onCall?.("ok");
      return body;
    } catch (error) {
      if (error instanceof ClientFailure) {
        options.onCall?.("ok");
        throw error;
      }
      const rejected = breaker.opened && (error as { code?: string }).code === "EOPENBREAKER";
      options.onCall?.(rejected ? "rejected" : "failed");
      if (error instanceof GoogleBooksUnavailable) throw error;
      throw new GoogleBooksUnavailable(rejected ? "circuit open" : describe(error), { cause: error });
    }
  }

  /** One page of a `q=` search; `totalItems` is Google's estimate. */
  async function search(query: string, startIndex: number, maxResults: number): Promise<SearchPage> {
    let body: unknown;
    try {
      body = await call("/books/v1/volumes", {
        q: query,
        startIndex: String(startIndex),
        maxResults: String(maxResults),
        printType: "books",
      });
    } catch (error) {
      if (error instanceof ClientFailure && error.status === 400) return { totalItems: 0, volumes: [] };
      throw error;
    }
    const list = googleVolumesListSchema.safeParse(body);
    if (!list.success) throw new GoogleBooksUnavailable("malformed volumes list");
    const volumes = (list.data.items ?? []).map((item) => toCatalogVolume(item)).filter((volume) => volume !== null);
    return { totalItems: list.data.totalItems, volumes };
  }

  /** One volume by id; null when Google does not know it. */
  async function volume(volumeId: string): Promise<CatalogVolume | null> {
    let body: unknown;
    try {
      body = await call(`/books/v1/volumes/${encodeURIComponent(volumeId)}`, {});
    } catch (error) {
      if (error instanceof ClientFailure && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
    const parsed = toCatalogVolume(body, "full");
    if (!parsed) throw new GoogleBooksUnavailable("malformed volume");
    return parsed;
  }

  return { search, volume, breaker };
}

function describe(error: unknown): string {
  if (error instanceof RetriableStatus) return `HTTP ${error.status}`;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timed out";
  return error instanceof Error ? error.message : String(error);
}

export type GoogleBooksClient = ReturnType<typeof createGoogleBooksClient>;
