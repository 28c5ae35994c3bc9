import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { refreshSession } from "../lib/trpc";
import { useSession } from "../lib/use-session";

/** Renews the access token a minute before it expires, from the HttpOnly cookie. */
const RENEW_BEFORE_MS = 60_000;

export function SessionKeeper() {
  const session = useSession();
  const queryClient = useQueryClient();

  // On first load the page has no token: ask the cookie for one, silently.
  useEffect(() => {
    void refreshSession();
  }, []);

  const expiresAt = session.status === "authenticated" ? session.expiresAt.getTime() : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const delay = Math.max(5_000, expiresAt - Date.now() - RENEW_BEFORE_MS);
    const timer = setTimeout(() => void refreshSession(), delay);
    return () => clearTimeout(timer);
  }, [expiresAt]);

  // Whatever the previous member saw must not leak to the next one.
  const userId = session.status === "authenticated" ? session.user.id : null;
  useEffect(() => {
    if (userId === null) queryClient.clear();
  }, [userId, queryClient]);

  return null;
}
