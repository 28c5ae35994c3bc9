import type { AppRouter } from "@booky/server";
import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { sessionStore } from "./session-store";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The server accepts at most 20 calls per batch; never send more. */
const MAX_BATCH = 20;

/** Calls that read the refresh cookie go alone, so a 401 elsewhere never mixes with them. */
const cookieCalls = new Set(["auth.refresh", "auth.logOut"]);

let refreshing: Promise<boolean> | null = null;

/** Runs `task` while holding a lock shared by every tab of this site (where the browser has Web Locks). */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks.request("booky-refresh", task) : task();
}

/**
 * Trades the refresh cookie for a new access token. Callers in this tab share
 * one request, and tabs take turns (each then sends the cookie the previous
 * one received): the server treats a second use of a rotated token as theft.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= acrossTabs(() => plainClient.auth.refresh.mutate())
    .then((grant) => {
      // `null`: no session (a visitor), a normal answer.
      if (!grant) {
        sessionStore.set({ status: "anonymous" });
        return false;
      }
      sessionStore.grant(grant);
      return true;
    })
    .catch((error: unknown) => {
      // No answer at all (offline, server down) says nothing about the session: a member keeps theirs
      // (the token may still be good) and a page still loading waits to ask again, instead of logging out.
      const answered = error instanceof TRPCClientError && error.data !== undefined;
      const current = sessionStore.get().status;
      if (answered) sessionStore.set({ status: "anonymous" });
      else if (current !== "authenticated") sessionStore.set({ status: "unreachable" });
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** On a 401, refresh once and replay the request with the new token. */
const fetchWithRefresh: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 401 || sessionStore.get().status !== "authenticated") return response;
  if (!(await refreshSession())) return response;
  const headers = new Headers(init?.headers);
  headers.set("authorization", `Bearer ${sessionStore.accessToken()}`);
  return fetch(input, { ...init, headers });
};

const authHeaders = () => {
  const token = sessionStore.accessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

const plainClient = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/trpc", transformer: superjson })],
});

/** Buys the single-use ticket a live stream opens with (EventSource sends no Authorization header). */
const ticketClient = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/trpc", transformer: superjson, headers: authHeaders, fetch: fetchWithRefresh })],
});

/** Subscriptions go over SSE, each connection with a fresh ticket (docs/notifications.md). */
const subscriptionLink = httpSubscriptionLink({
  url: "/trpc",
  transformer: superjson,
  connectionParams: async () => ({ ticket: (await ticketClient.notifications.streamTicket.mutate()).ticket }),
});

export function createAppTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: subscriptionLink,
        false: splitLink({
          condition: (op) => cookieCalls.has(op.path),
          true: httpLink({ url: "/trpc", transformer: superjson, headers: authHeaders }),
          false: httpBatchLink({
            url: "/trpc",
            transformer: superjson,
            maxItems: MAX_BATCH,
            headers: authHeaders,
            fetch: fetchWithRefresh,
          }),
        }),
      }),
    ],
  });
}

export function createAppQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => {
          const code = (error as { data?: { code?: string } }).data?.code;
          if (code && ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(code)) return false;
          return failures < 2;
        },
      },
    },
  });
}

/** The page's one query client and tRPC client (the providers hand them to React; route loaders use them directly). */
export const queryClient = createAppQueryClient();
export const trpcClient = createAppTRPCClient();
/** The same query options as `useTRPC()` gives components, for code outside React (route loaders prefetching). */
export const trpcOptions = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
