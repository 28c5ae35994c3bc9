import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/** Points move when meetings settle, wherever the member is: look again each time the page opens. */
const fresh = { staleTime: 0 };

/** Every change to the caller's balance, newest first, a page at a time. */
export function useLedger() {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.points.ledger.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
    ...fresh,
  });
}

/** The caller's bets with their outcomes, newest first, a page at a time. */
export function useMyBets() {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.bets.mine.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
    ...fresh,
  });
}
