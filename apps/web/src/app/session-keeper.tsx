import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { refreshSession } from "../lib/trpc";
import { useSession } from "../lib/use-session";

/** Renews the access token a minute before it expires, from the HttpOnly cookie. */
const RENEW_BEFORE_MS = 60_000;
/** How often a page that could not reach the server asks again (besides when the browser says it is back online). */
const RETRY_UNREACHABLE_MS = 15_000;

export function SessionKeeper() {
  const session = useSession();
  const queryClient = useQueryClient();

  // On first load the page has no token: ask the cookie for one, silently.
  useEffect(() => {
    void refreshSession();
  }, []);

  // Not reachable (offline, or the server is down): ask again when the connection returns, and now and then.
  const unreachable = session.status === "unreachable";
  useEffect(() => {
    if (!unreachable) return;
    const retry = () => void refreshSession();
    window.addEventListener("online", retry);
    const timer = setInterval(retry, RETRY_UNREACHABLE_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(timer);
    };
  }, [unreachable]);

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
