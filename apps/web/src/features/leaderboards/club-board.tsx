import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryView, Skeletons } from "../../components/query-view";
import { EmptyState, LoadMore } from "../../components/ui";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { RankCell, RankTable, rankRowClass } from "./rank-cell";
import { liveBoard, tiedRanks } from "./ranks";

/** Clubs by club score (public clubs, and the caller's private ones); the caller's own clubs marked. */
export function ClubBoard({ period, myClubIds }: { period: "allTime" | "thisMonth"; myClubIds: ReadonlySet<string> }) {
  const trpc = useTRPC();
  const board = useInfiniteQuery({
    ...trpc.leaderboards.clubs.infiniteQueryOptions({ period, limit: 20 }, byCursor),
    ...liveBoard,
  });

  return (
    <QueryView query={board} loading={<Skeletons count={2} className="h-8" />}>
      {(data) => {
        const items = pageItems(data);
        const tied = tiedRanks(items);
        return (
          <div className="flex flex-col gap-3" aria-busy={board.isPlaceholderData || undefined}>
            {items.length === 0 ? (
              <EmptyState>
                No club has scored {period === "thisMonth" ? "this month" : "yet"}. A club scores when its members
                finish the book and come to its meetings.
              </EmptyState>
            ) : (
              <RankTable caption="Clubs by score" who="Club">
                {items.map(({ rank, score, club }) => {
                  const mine = myClubIds.has(club.id);
                  return (
                    <tr key={club.id} className={rankRowClass(mine)}>
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
              </RankTable>
            )}
            <LoadMore query={board} label="Load more clubs" />
          </div>
        );
      }}
    </QueryView>
  );
}
