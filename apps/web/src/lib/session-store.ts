import type { RouterOutputs } from "@booky/server";

export type Account = RouterOutputs["auth"]["me"];
export type SessionGrant = NonNullable<RouterOutputs["auth"]["refresh"]>;

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  /** The page could not ask the server whether there is a session (offline, or Booky unreachable): it asks again. */
  | { status: "unreachable" }
  | { status: "authenticated"; user: Account; accessToken: string; expiresAt: Date };

/**
 * The access token lives only in memory (never in storage a script could
 * read); the refresh token is an HttpOnly cookie the page never sees.
 */
let state: SessionState = { status: "loading" };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(next: SessionState) {
    state = next;
    for (const listener of listeners) listener();
  },
  grant(grant: SessionGrant) {
    sessionStore.set({
      status: "authenticated",
      user: grant.user,
      accessToken: grant.accessToken,
      expiresAt: grant.accessTokenExpiresAt,
    });
  },
  updateUser(user: Account) {
    if (state.status === "authenticated") sessionStore.set({ ...state, user });
  },
  /** The state once the page knows whether there is a session (at once, unless the first check is still running). */
  settled(): Promise<SessionState> {
    if (state.status !== "loading") return Promise.resolve(state);
    return new Promise((resolve) => {
      const stop = sessionStore.subscribe(() => {
        if (state.status === "loading") return;
        stop();
        resolve(state);
      });
    });
  },
  accessToken: () => (state.status === "authenticated" ? state.accessToken : null),
};
