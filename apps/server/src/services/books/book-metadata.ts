import type { Database } from "@booky/db";
import { foldForSearch } from "@booky/domain";
import type { FastifyBaseLogger } from "fastify";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Config } from "../../config.js";
import { createGoogleBooksCache } from "./google-books-cache.js";
import { createGoogleBooksClient, GoogleBooksUnavailable, type SearchPage } from "./google-books-client.js";
import type { CatalogVolume } from "./google-volume.js";

/** Google pages are fetched (and cached) in this size, so any page a user asks for is served from one. */
export const REMOTE_PAGE_SIZE = 20;

/** Expired cache rows are ignored at once and deleted this often. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export type RemoteSearch =
  | { status: "ok"; page: SearchPage }
  | { status: "disabled" }
  | { status: "unavailable"; reason: string };

/**
 * Book metadata from Google Books through the PostgreSQL cache: repeated
 * searches and volumes are answered from the cache until their TTL; misses
 * go to the API (rate limited, retried, behind a circuit breaker). Any
 * failure becomes `unavailable` for search, so callers fall back to the
 * local catalog.
 */
export function createBookMetadata(options: {
  config: Config;
  db: Database;
  registry: Registry;
  log: FastifyBaseLogger;
}) {
  const { config } = options;
  const cacheLookups = new Counter({
    name: "booky_google_books_cache_lookups_total",
    help: "Google Books cache lookups by kind (query, volume) and result (hit, miss)",
    labelNames: ["kind", "result"] as const,
    registers: [options.registry],
  });
  const apiCalls = new Counter({
    name: "booky_google_books_api_calls_total",
    help: "Calls to the Google Books API by outcome (ok, failed, rejected by the open circuit)",
    labelNames: ["outcome"] as const,
    registers: [options.registry],
  });
  const cache = createGoogleBooksCache(options.db, config.GOOGLE_BOOKS_CACHE_TTL_SECONDS);
  const client = createGoogleBooksClient({
    baseUrl: config.GOOGLE_BOOKS_BASE_URL,
    apiKey: config.GOOGLE_BOOKS_API_KEY,
    attemptTimeoutMs: config.GOOGLE_BOOKS_TIMEOUT_MS,
    retries: config.GOOGLE_BOOKS_RETRIES,
    budgetMs: config.GOOGLE_BOOKS_BUDGET_MS,
    ratePerMinute: config.GOOGLE_BOOKS_RATE_PER_MINUTE,
    breakerResetMs: config.GOOGLE_BOOKS_BREAKER_RESET_MS,
    onCall: (outcome) => apiCalls.inc({ outcome }),
  });
  new Gauge({
    name: "booky_google_books_circuit_open",
    help: "1 while the Google Books circuit breaker is open (calls fail fast to the local catalog)",
    registers: [options.registry],
    collect() {
      this.set(client.breaker.opened ? 1 : 0);
    },
  });
  client.breaker.on("open", () => options.log.warn("Google Books circuit opened: searching the local catalog only"));
  client.breaker.on("close", () => options.log.info("Google Books circuit closed"));

  /** One Google page of results for `query` (e.g. "dune" or "isbn:9780441172719"), cache first. */
  async function search(query: string, startIndex: number): Promise<RemoteSearch> {
    if (!config.GOOGLE_BOOKS_ENABLED) return { status: "disabled" };
    const key = `${foldForSearch(query.replace(/^isbn:/i, "isbn "))}|${startIndex}|${REMOTE_PAGE_SIZE}`;
    const cached = await cache.getQuery(key);
    if (cached) {
      const volumes = await cache.getVolumes(cached.volumeIds);
      if (volumes.size === cached.volumeIds.length) {
        cacheLookups.inc({ kind: "query", result: "hit" });
        const ordered = cached.volumeIds.map((id) => volumes.get(id) as CatalogVolume);
        return { status: "ok", page: { totalItems: cached.totalItems, volumes: ordered } };
      }
    }
    cacheLookups.inc({ kind: "query", result: "miss" });
    try {
      const page = await client.search(query, startIndex, REMOTE_PAGE_SIZE);
      await cache.putVolumes(page.volumes);
      await cache.putQuery(
        key,
        page.volumes.map((volume) => volume.googleVolumeId),
        page.totalItems,
      );
      return { status: "ok", page };
    } catch (error) {
      options.log.warn({ err: error }, "Google Books search failed; answering from the local catalog");
      return { status: "unavailable", reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * One volume in full (its own page, not a search's thinner form), cache
   * first; null when Google does not know it. When Google cannot answer, a
   * cached search form is better than nothing; without one it throws
   * GoogleBooksUnavailable.
   */
  async function volume(volumeId: string): Promise<CatalogVolume | null> {
    const cached = (await cache.getVolumes([volumeId])).get(volumeId);
    cacheLookups.inc({ kind: "volume", result: cached?.detail === "full" ? "hit" : "miss" });
    if (cached?.detail === "full") return cached;
    try {
      if (!config.GOOGLE_BOOKS_ENABLED) throw new GoogleBooksUnavailable("disabled by GOOGLE_BOOKS_ENABLED=false");
      const fetched = await client.volume(volumeId);
      if (fetched) await cache.putVolumes([fetched]);
      return fetched;
    } catch (error) {
      if (cached && error instanceof GoogleBooksUnavailable) return cached;
      throw error;
    }
  }

  const purging = setInterval(() => {
    cache
      .purgeExpired()
      .catch((error: unknown) => options.log.warn({ err: error }, "purging the Google Books cache failed"));
  }, PURGE_INTERVAL_MS);
  purging.unref();

  return {
    search,
    volume,
    enabled: config.GOOGLE_BOOKS_ENABLED,
    /** For the operator dashboard: cache lookups by result since start, and whether the circuit is open now. */
    async health() {
      const counted = (await cacheLookups.get()).values;
      const total = (result: string) =>
        counted.filter((value) => value.labels.result === result).reduce((sum, value) => sum + value.value, 0);
      return { cacheHits: total("hit"), cacheMisses: total("miss"), circuitOpen: client.breaker.opened };
    },
    /** Stops the hourly purge and the circuit breaker's timers (at shutdown). */
    close: () => {
      clearInterval(purging);
      client.breaker.shutdown();
    },
  };
}

export type BookMetadata = ReturnType<typeof createBookMetadata>;
