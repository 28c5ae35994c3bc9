import type { RouterInputs, RouterOutputs } from "@booky/server";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PersonLink } from "../../components/person-link";
import { QueryView, Skeletons } from "../../components/query-view";
import { EmptyState, LoadMore } from "../../components/ui";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { RankCell, RankTable, rankRowClass } from "./rank-cell";
import { liveBoard, tiedRanks } from "./ranks";

type Entry = RouterOutputs["leaderboards"]["users"]["items"][number];
export type UserBoardInput = Omit<RouterInputs["leaderboards"]["users"], "cursor" | "limit">;

function EntryRow({ entry, tied, me }: { entry: Entry; tied: boolean; me: boolean }) {
  return (
    <tr aria-current={me || undefined} className={rankRowClass(me)}>
      <RankCell rank={entry.rank} tied={tied} />
      <td className="py-2 pr-3">
        <PersonLink user={entry.user} className="hover:underline" />
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
    ...trpc.leaderboards.users.infiniteQueryOptions({ ...input, limit: 20 }, byCursor),
    ...liveBoard,
  });
  return (
    <QueryView query={board} loading={<Skeletons count={3} className="h-8" />}>
      {(data) => (
        <BoardBody
          data={data}
          myId={myId}
          hasNextPage={board.hasNextPage}
          busy={board.isPlaceholderData}
          caption={caption}
          empty={empty}
          more={<LoadMore query={board} label="Load more members" />}
        />
      )}
    </QueryView>
  );
}

/** The pages of the board loaded so far. */
type BoardData = { pages: readonly RouterOutputs["leaderboards"]["users"][] };

function BoardBody({
  data,
  myId,
  hasNextPage,
  busy,
  caption,
  empty,
  more,
}: {
  data: BoardData;
  myId: string | null;
  hasNextPage: boolean;
  busy: boolean;
  caption: string;
  empty: ReactNode;
  more: ReactNode;
}) {
  const items = pageItems(data);
  const first = data.pages[0];
  const me = first?.me ?? { rank: 0, score: 0 };
  const shown = new Set(items.map((entry) => entry.user.id));
  const meShown = myId !== null && shown.has(myId);
  const neighbours = me.score > 0 && !meShown ? (first?.neighbours ?? []) : [];
  const around = neighbours.filter((entry) => !shown.has(entry.user.id));
  // A gap between the pages loaded and the caller's neighbourhood, unless they touch.
  const gap = around.length > 0 && around.length === neighbours.length && hasNextPage;
  const tied = tiedRanks([...items, ...around]);

  return (
    <div className="flex flex-col gap-3" aria-busy={busy || undefined}>
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
        <RankTable caption={caption} who="Member">
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
        </RankTable>
      )}
      {more}
    </div>
  );
}
