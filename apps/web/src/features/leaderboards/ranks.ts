import { keepPreviousData } from "@tanstack/react-query";

/** Ranks held by more than one of `rows`: competition ranking gives ties one rank (1, 2, 2, 4). */
export function tiedRanks(rows: readonly { rank: number }[]): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const { rank } of rows) {
    if (seen.has(rank)) tied.add(rank);
    seen.add(rank);
  }
  return tied;
}

/** How often an open board asks again: global ranks are refreshed seconds after scores change. */
export const BOARD_REFRESH_MS = 10_000;

/** How every board queries: the last board stays on screen while the next period or scope loads, and it keeps fresh. */
export const liveBoard = { placeholderData: keepPreviousData, refetchInterval: BOARD_REFRESH_MS };
