import type { RouterOutputs } from "@booky/server";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useTRPC } from "../../lib/trpc";
import { LIVE_REFRESH_MS } from "../meetings/live";

export type BetPool = RouterOutputs["bets"]["forMeeting"];
export type Horse = BetPool["horses"][number];

/** The meeting's pool, asked again with the rest of the meeting page: others bet while it is open. */
export function useBetPool(meetingId: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.bets.forMeeting.queryOptions({ meetingId }), refetchInterval: LIVE_REFRESH_MS });
}

/** Everything that shows points: after a bet, a cancel or a settlement it is out of date. */
export function useRefreshPoints() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        [trpc.bets.pathKey(), trpc.points.pathKey(), trpc.leaderboards.pathKey()].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
    [trpc, queryClient],
  );
}

/**
 * When settlement lands while the page is open (a job, moments after the
 * close), balances, bet histories and boards change: ask for them again.
 */
export function useRefreshOnSettlement(pool: BetPool | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const loaded = pool !== undefined;
  const settled = Boolean(pool?.settlement);
  // Whether the first answer was already settled: then nothing changed while the page was open.
  const settledOnArrival = useRef<boolean | null>(null);
  useEffect(() => {
    if (!loaded) return;
    settledOnArrival.current ??= settled;
    if (settled && !settledOnArrival.current) {
      settledOnArrival.current = true;
      for (const queryKey of [trpc.bets.mine.pathKey(), trpc.points.pathKey(), trpc.leaderboards.pathKey()]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    }
  }, [loaded, settled, trpc, queryClient]);
}
