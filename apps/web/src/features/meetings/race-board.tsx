import type { ReadingStanding } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { Card, EmptyState, LoadMore, ProgressBar, Skeleton } from "../../components/ui";
import { useSession } from "../../lib/use-session";
import { StandingBadge } from "./schedule-card";

type Board = RouterOutputs["progress"]["forMeeting"];
type LoadMoreQuery = Parameters<typeof LoadMore>[0]["query"];

/** Every attendee's bar, first finishers first; `updatedAt` is when the bars were last read (they refresh live). */
export function RaceBoard({
  board,
  query,
  updatedAt,
  standings,
}: {
  board: Board | undefined;
  query: LoadMoreQuery;
  updatedAt: number;
  /** Each reader's place against the reading schedule, when the meeting has one. */
  standings?: ReadonlyMap<string, ReadingStanding> | undefined;
}) {
  const session = useSession();
  const myId = session.status === "authenticated" ? session.user.id : null;
  return (
    <Card title="The race">
      {!board ? (
        <Skeleton className="h-16" />
      ) : board.items.length === 0 ? (
        <EmptyState>Nobody is going yet. Answer “Going” to join the race.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {board.items.map((row) => (
            <li key={row.user.id}>
              <div className="flex justify-between gap-2 text-sm">
                <span className="font-medium">
                  {row.user.displayName}
                  {row.user.id === myId && (
                    <span className="font-normal text-stone-600 dark:text-stone-400"> (you)</span>
                  )}
                  {standings?.get(row.user.id) && (
                    <StandingBadge standing={standings.get(row.user.id) as ReadingStanding} />
                  )}
                </span>
                <span>
                  {!row.revealed ? "reading" : row.finished ? "Finished" : `page ${row.page} · ${row.percent}%`}
                  {row.revealed && !row.racing && " · not racing"}
                </span>
              </div>
              {row.revealed && (
                <ProgressBar
                  label={`${row.user.displayName}'s progress`}
                  percent={row.percent}
                  valueText={row.finished ? "Finished" : `page ${row.page} of ${board.bookPageCount}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={query} label="Show more attendees" />
      {updatedAt > 0 && (
        <p className="mt-3 flex items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
          <span aria-hidden="true" className="size-2 rounded-full bg-green-600 motion-safe:animate-pulse" />
          Live: bars move as members report, last checked{" "}
          <time dateTime={new Date(updatedAt).toISOString()}>{new Date(updatedAt).toLocaleTimeString()}</time>
        </p>
      )}
    </Card>
  );
}
