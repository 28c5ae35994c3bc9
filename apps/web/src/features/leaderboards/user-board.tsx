import type { RouterInputs, RouterOutputs } from "@booky/server";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Alert, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { RankCell, RankTableHead } from "./rank-cell";
import { BOARD_REFRESH_MS, tiedRanks } from "./ranks";

type Entry = RouterOutputs["leaderboards"]["users"]["items"][number];
export type UserBoardInput = Omit<RouterInputs["leaderboards"]["users"], "cursor" | "limit">;

function EntryRow({ entry, tied, me }: { entry: Entry; tied: boolean; me: boolean }) {
  return (
    <tr
      aria-current={me || undefined}
      className={me ? "bg-brand-50 font-semibold dark:bg-stone-800" : "border-t border-stone-200 dark:border-stone-800"}
    >
      <RankCell rank={entry.rank} tied={tied} />
      <td className="py-2 pr-3">
        <Link to={`/u/${entry.user.username}`} className="hover:underline">
          {entry.user.displayName}
        </Link>
        {me && <span className="font-normal text-stone-600 dark:text-stone-400"> (you)</span>}
      </td>
      <td className="py-2 text-right tabular-nums">{entry.score.toLocaleString()}</td>
    </tr>
  );
}

/**
 * Members by score, in pages, with the caller's own place and neighbours
 * even when they are far below the pages loaded so far.
 */
export function UserBoard({ input, caption, empty }: { input: UserBoardInput; caption: string; empty: ReactNode }) {
  const trpc = useTRPC();
  const session = useSession();
  const myId = session.status === "authenticated" ? session.user.id : null;
  const board = useInfiniteQuery({
    ...trpc.leaderboards.users.infiniteQueryOptions(
      { ...input, limit: 20 },
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
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (board.isError) return <Alert>{errorMessage(board.error)}</Alert>;
  const items = board.data.pages.flatMap((page) => page.items);
  const first = board.data.pages[0];
  const me = first?.me ?? { rank: 0, score: 0 };
  const shown = new Set(items.map((entry) => entry.user.id));
  const meShown = myId !== null && shown.has(myId);
  const neighbours = me.score > 0 && !meShown ? (first?.neighbours ?? []) : [];
  const around = neighbours.filter((entry) => !shown.has(entry.user.id));
  // A gap between the pages loaded and the caller's neighbourhood, unless they touch.
  const gap = around.length > 0 && around.length === neighbours.length && board.hasNextPage;
  const tied = tiedRanks([...items, ...around]);

  return (
    <div className="flex flex-col gap-3" aria-busy={board.isPlaceholderData || undefined}>
      <p className="text-sm" aria-live="polite">
        {me.score > 0 ? (
          <>
            Your place: <strong>#{me.rank}</strong> with {me.score.toLocaleString()} points
            {tied.has(me.rank) && " (tied)"}
          </>
        ) : (
          "You are not on this board yet: finish a book by its deadline, come to meetings, or back the winner."
        )}
      </p>
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <RankTableHead who="Member" />
          <tbody>
            {items.map((entry) => (
              <EntryRow key={entry.user.id} entry={entry} tied={tied.has(entry.rank)} me={entry.user.id === myId} />
            ))}
            {gap && (
              <tr>
                <td colSpan={3} className="py-1 text-center text-stone-600 dark:text-stone-400">
                  <span aria-hidden="true">⋯</span>
                  <span className="sr-only">Further down the board, around you:</span>
                </td>
              </tr>
            )}
            {around.map((entry) => (
              <EntryRow key={entry.user.id} entry={entry} tied={tied.has(entry.rank)} me={entry.user.id === myId} />
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={board} label="Load more members" />
    </div>
  );
}
