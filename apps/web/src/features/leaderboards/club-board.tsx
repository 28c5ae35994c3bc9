import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Alert, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { RankCell, RankTableHead } from "./rank-cell";
import { BOARD_REFRESH_MS, tiedRanks } from "./ranks";

/** Clubs by club score (public clubs, and the caller's private ones); the caller's own clubs marked. */
export function ClubBoard({ period, myClubIds }: { period: "allTime" | "thisMonth"; myClubIds: ReadonlySet<string> }) {
  const trpc = useTRPC();
  const board = useInfiniteQuery({
    ...trpc.leaderboards.clubs.infiniteQueryOptions(
      { period, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });

  if (board.isPending) {
    return (
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (board.isError) return <Alert>{errorMessage(board.error)}</Alert>;
  const items = board.data.pages.flatMap((page) => page.items);
  const tied = tiedRanks(items);

  return (
    <div className="flex flex-col gap-3" aria-busy={board.isPlaceholderData || undefined}>
      {items.length === 0 ? (
        <EmptyState>
          No club has scored {period === "thisMonth" ? "this month" : "yet"}. A club scores when its members finish the
          book and come to its meetings.
        </EmptyState>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Clubs by score</caption>
          <RankTableHead who="Club" />
          <tbody>
            {items.map(({ rank, score, club }) => {
              const mine = myClubIds.has(club.id);
              return (
                <tr
                  key={club.id}
                  className={
                    mine
                      ? "bg-brand-50 font-semibold dark:bg-stone-800"
                      : "border-t border-stone-200 dark:border-stone-800"
                  }
                >
                  <RankCell rank={rank} tied={tied.has(rank)} />
                  <td className="py-2 pr-3">
                    <Link to={`/clubs/${club.slug}`} className="hover:underline">
                      {club.name}
                    </Link>
                    <span className="block text-sm font-normal text-stone-600 dark:text-stone-400">
                      {club.memberCount} member{club.memberCount === 1 ? "" : "s"}
                      {mine && " · your club"}
                    </span>
                  </td>
                  <td className="py-2 text-right tabular-nums">{score.toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <LoadMore query={board} label="Load more clubs" />
    </div>
  );
}
