import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

/** Points move when meetings settle, wherever the member is: look again each time the page opens. */
const fresh = { staleTime: 0 };

/** Every change to the caller's balance, newest first, a page at a time. */
export function useLedger() {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.points.ledger.infiniteQueryOptions({ limit: 20 }, byCursor),
    ...fresh,
  });
}

/** The caller's bets with their outcomes, newest first, a page at a time. */
export function useMyBets() {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.bets.mine.infiniteQueryOptions({ limit: 20 }, byCursor),
    ...fresh,
  });
}

/** The caller's balance and score. */
export function useBalance() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.points.balance.queryOptions(), ...fresh });
}
