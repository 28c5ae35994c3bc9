import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";

export interface ClientOptions {
  /** Extra headers on every request, e.g. a foreign Origin. */
  headers?: Record<string, string>;
  /** Use httpLink (one request per call) instead of httpBatchLink. */
  unbatched?: boolean;
}

/** A cookie jar that keeps what `Set-Cookie` sets and forgets what it expires. */
function cookieFetch(cookies: Map<string, string>): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) {
      headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some(
        (attribute) =>
          /^\s*max-age=0\s*$/i.test(attribute) ||
          (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split("=")[1] ?? "") < Date.now()),
      );
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
}

/**
 * A real @trpc/client for `TRouter` over HTTP at `${baseUrl}/trpc` (superjson),
 * as one "browser": its own cookie jar and a settable bearer access token.
 */
export function createTestClient<TRouter extends AnyRouter>(baseUrl: string, options: ClientOptions = {}) {
  const cookies = new Map<string, string>();
  const state = { accessToken: null as string | null };

  const linkOptions = {
    url: `${baseUrl}/trpc`,
    transformer: superjson,
    fetch: cookieFetch(cookies),
    headers: () => ({
      ...options.headers,
      ...(state.accessToken ? { authorization: `Bearer ${state.accessToken}` } : {}),
    }),
  };
  // The links are built for any router (superjson, as Booky's router declares): a
  // generic TRouter cannot tell whether it uses a transformer.
  const trpc = createTRPCClient<TRouter>({
    links: [
      options.unbatched ? httpLink<AnyRouter>(linkOptions) : httpBatchLink<AnyRouter>({ ...linkOptions, maxItems: 20 }),
    ],
  });

  return {
    trpc,
    cookies,
    get accessToken() {
      return state.accessToken;
    },
    set accessToken(token: string | null) {
      state.accessToken = token;
    },
  };
}

export type TestClient<TRouter extends AnyRouter> = ReturnType<typeof createTestClient<TRouter>>;

/** The typed tRPC error a call rejected with; fails when the call succeeds or rejects with something else. */
export async function rejectionOf<TRouter extends AnyRouter>(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return error as TRPCClientError<TRouter>;
    }
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
