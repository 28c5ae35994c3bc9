import { useSyncExternalStore } from "react";
import { useNavigate } from "react-router";
import { type SessionGrant, sessionStore } from "./session-store";

export function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Starts the session the server granted (logged in, signed up) and goes on to `to`, replacing the form in history. */
export function useEnterSession() {
  const navigate = useNavigate();
  return (grant: SessionGrant, to: string) => {
    sessionStore.grant(grant);
    navigate(to, { replace: true });
  };
}

/** Forgets the session in this tab and goes on to `to` (after logging out or deleting the account). */
export function useLeaveSession() {
  const navigate = useNavigate();
  return (to: string, options?: { replace?: boolean }) => {
    sessionStore.set({ status: "anonymous" });
    navigate(to, options);
  };
}
