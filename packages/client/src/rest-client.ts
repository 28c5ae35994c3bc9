import createClient, { type Client, type Middleware } from "openapi-fetch";
import { BookyApiError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { type RetryOptions, retryingFetch } from "./retry.js";

export interface BookyRestClientOptions {
  /** Booky's address, e.g. `https://booky.example` (the REST API is under `/api/v1`). */
  baseUrl: string;
  /** A personal access token (`bky_…`) or an access token from signing in; sent as `Authorization: Bearer`. */
  token?: string;
  /** Retries of 429 and 503 answers (see RetryOptions); `{ attempts: 1 }` turns them off. */
  retry?: RetryOptions;
  /** The fetch to send requests with (default: the global fetch). */
  fetch?: (request: Request) => Promise<Response>;
}

/** A typed client of Booky's REST API: `GET`, `POST`… over the paths of Booky's OpenAPI document. */
export type BookyRestClient = Client<paths>;

/** Turns every answer that is not a success into a thrown BookyApiError. */
const throwOnError: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await BookyApiError.fromResponse(response);
    return undefined;
  },
};

/**
 * A client of Booky's REST API (`/api/v1`), typed from its OpenAPI document.
 * A call resolves with `{ data, response }` when Booky answers a success and
 * rejects with a BookyApiError (status, code, Booky's error body) otherwise,
 * after retrying 429 and 503 answers as `retry` says.
 */
export function createBookyRestClient(options: BookyRestClientOptions): BookyRestClient {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/+$/, "")}/api/v1`,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    fetch: retryingFetch(baseFetch, options.retry),
  });
  client.use(throwOnError);
  return client;
}

/**
 * The data of a call, for code that wants only that: a call that resolves
 * always has it (a failed one rejects with a BookyApiError).
 *
 *     const clubs = await dataOf(booky.GET("/clubs", { params: { query: { mine: true } } }));
 */
export async function dataOf<Answer extends { data?: unknown; response: Response }>(
  call: Promise<Answer>,
): Promise<Exclude<Answer["data"], undefined>> {
  const answer = await call;
  return answer.data as Exclude<Answer["data"], undefined>;
}
