import type { RouterOutputs } from "@booky/server";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
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

/** Once settlement lands (a job, moments after the close), balances and boards change: ask again. */
export function useRefreshOnSettlement(pool: BetPool | undefined) {
  const refresh = useRefreshPoints();
  const settledAt = pool?.settlement?.settledAt.getTime();
  useEffect(() => {
    if (settledAt) void refresh();
  }, [settledAt, refresh]);
}
