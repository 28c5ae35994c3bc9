import type { RouterOutputs } from "@booky/server";
import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { LIVE_REFRESH_MS } from "../meetings/live";

export type BetPool = RouterOutputs["bets"]["forMeeting"];
export type Horse = BetPool["horses"][number];

/** The pages loaded so far as one pool: the first page's totals, bet and outcome, every loaded page's horses. */
function wholePool(data: InfiniteData<BetPool>): BetPool {
  const [first] = data.pages as [BetPool];
  return {
    ...first,
    horses: data.pages.flatMap((page) => page.horses),
    nextCursor: data.pages.at(-1)?.nextCursor ?? null,
  };
}

/**
 * The meeting's pool, most backed horses first, a page at a time ("Show more horses"); asked again with
 * the rest of the meeting page, since others bet while it is open. `data` is the pages loaded so far as one.
 */
export function useBetPool(meetingId: string) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.bets.forMeeting.infiniteQueryOptions({ meetingId }, byCursor),
    refetchInterval: LIVE_REFRESH_MS,
    select: wholePool,
  });
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
