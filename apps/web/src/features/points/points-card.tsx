import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryCard } from "../../components/query-view";
import { Skeleton } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { useBalance } from "./use-points-history";

const linkClass = "font-semibold text-brand-700 underline dark:text-brand-500";

/** The home page's glance at the member's points and all-time rank. */
export function PointsCard() {
  const trpc = useTRPC();
  // Settlements and board refreshes happen in the background: look again whenever home opens.
  const balance = useBalance();
  const board = useQuery({
    ...trpc.leaderboards.users.queryOptions({ scope: "global", period: "allTime", limit: 1 }),
    staleTime: 0,
  });
  const rank = board.data?.me;

  return (
    <QueryCard
      title="Your points"
      query={balance}
      footer={
        <>
          {rank && rank.score === 0 && (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              Not ranked yet: finish a book by its deadline or back the winner to climb the board.
            </p>
          )}
          <p className="mt-3 flex flex-wrap gap-x-4 text-sm">
            <Link to="/points" className={linkClass}>
              See your points
            </Link>
            <Link to="/leaderboards" className={linkClass}>
              Leaderboards
            </Link>
          </p>
        </>
      }
    >
      {(data) => (
        <dl className="flex flex-wrap gap-x-8 gap-y-2">
          <div>
            <dt className="text-sm text-stone-600 dark:text-stone-400">Balance</dt>
            <dd className="font-serif text-3xl font-bold">{data.balance.toLocaleString()}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600 dark:text-stone-400">Rank, all time</dt>
            <dd className="font-serif text-3xl font-bold">
              {board.isPending ? (
                <Skeleton className="mt-1 h-8 w-12" />
              ) : rank && rank.score > 0 ? (
                `#${rank.rank}`
              ) : (
                "—"
              )}
            </dd>
          </div>
        </dl>
      )}
    </QueryCard>
  );
}
