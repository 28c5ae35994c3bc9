import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";

/** After a refused or dropped stream, how long before subscribing again. */
const RETRY_MS = 1_000;

/**
 * Keeps one live stream of the member's notifications open (SSE). Each event
 * refreshes what it changes: the bell's count, the notifications list and,
 * for replies and mentions, the open discussion. A ticket opens one
 * connection only, so after a drop or an end this subscribes again, with a new
 * ticket, from the last event id seen: the server backfills what was missed.
 */
export function useLiveNotifications() {
  const session = useSession();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const userId = session.status === "authenticated" ? session.user.id : null;

  useEffect(() => {
    if (!userId) return;
    let stopped = false;
    let lastEventId: string | undefined;
    let current: { unsubscribe(): void } | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const resubscribe = () => {
      current?.unsubscribe();
      if (!stopped) retry = setTimeout(subscribe, RETRY_MS);
    };
    const subscribe = () => {
      current = client.notifications.live.subscribe(lastEventId ? { lastEventId } : {}, {
        onData: (event) => {
          lastEventId = event.id;
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
          if (event.data.kind === "reply" || event.data.kind === "mention") {
            void queryClient.invalidateQueries({ queryKey: trpc.discussions.pathKey() });
          }
        },
        onError: resubscribe,
        // The server ends a stream when its session ends (log-out elsewhere, a password change, a suspension)
        // or when it shuts down. Subscribing again asks for a ticket: with the session gone that call's 401
        // fails the refresh too, and the page signs out at once instead of at its next call.
        onComplete: resubscribe,
      });
    };
    subscribe();
    return () => {
      stopped = true;
      clearTimeout(retry);
      current?.unsubscribe();
    };
  }, [userId, client, trpc, queryClient]);
}
