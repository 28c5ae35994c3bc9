import { Link } from "react-router";
import { PagedListCard } from "../../components/paged-list";
import { Skeletons } from "../../components/query-view";
import { betOutcome, type MyBetRow } from "./bet-outcome";
import type { useMyBets } from "./use-points-history";

const outcomeClass: Record<MyBetRow["bet"]["status"], string> = {
  open: "bg-stone-100 text-stone-800 dark:bg-stone-800 dark:text-stone-100",
  won: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  lost: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  refunded: "bg-stone-100 text-stone-800 dark:bg-stone-800 dark:text-stone-100",
  cancelled: "bg-stone-100 text-stone-800 dark:bg-stone-800 dark:text-stone-100",
};

/** The member's bets, newest first, with how each one ended. */
export function MyBetsList({ bets }: { bets: ReturnType<typeof useMyBets> }) {
  return (
    <PagedListCard
      title="Your bets"
      query={bets}
      loading={<Skeletons count={2} className="h-12" />}
      empty={
        <>
          No bets yet. Open a meeting you are going to and stake points on who finishes the book first.{" "}
          <Link to="/calendar" className="font-semibold text-brand-700 underline dark:text-brand-500">
            Find your meetings
          </Link>
        </>
      }
      label="Your bets"
      moreLabel="Load more bets"
    >
      {({ bet, meeting, club, horse }) => (
        <li key={bet.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div>
            <Link to={`/meetings/${meeting.id}`} className="font-medium hover:underline">
              {meeting.bookTitle}
            </Link>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {club.name} · {bet.stake.toLocaleString()} points on {horse.displayName}
            </p>
          </div>
          <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${outcomeClass[bet.status]}`}>
            {betOutcome(bet)}
          </span>
        </li>
      )}
    </PagedListCard>
  );
}
