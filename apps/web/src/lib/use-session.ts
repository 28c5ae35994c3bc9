import { useSyncExternalStore } from "react";
import { useNavigate } from "react-router";
import { sessionStore } from "./session-store";

export function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Forgets the session in this tab and goes on to `to` (after logging out or deleting the account). */
export function useLeaveSession() {
  const navigate = useNavigate();
  return (to: string, options?: { replace?: boolean }) => {
    sessionStore.set({ status: "anonymous" });
    navigate(to, options);
  };
}
