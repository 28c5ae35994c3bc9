import { Link } from "react-router";
import { PagedListCard } from "../../components/paged-list";
import { Skeletons } from "../../components/query-view";
import { shortDateTime } from "../../lib/dates";
import { ledgerLabel, signedPoints } from "./ledger-entry";
import type { useLedger } from "./use-points-history";

/** Every change to the balance, newest first, in words. */
export function LedgerList({ ledger }: { ledger: ReturnType<typeof useLedger> }) {
  return (
    <PagedListCard
      title="History"
      query={ledger}
      loading={<Skeletons count={3} className="h-10" />}
      empty="No points have moved yet."
      label="Points history"
      moreLabel="Load more history"
    >
      {(entry) => (
        <li key={entry.id} className="flex items-start justify-between gap-3 py-2">
          <div>
            <p className="font-medium">
              {ledgerLabel(entry, entry.horse?.displayName)}
              {entry.meeting?.id && (
                <>
                  {" — "}
                  <Link to={`/meetings/${entry.meeting.id}`} className="hover:underline">
                    {entry.meeting.bookTitle}
                  </Link>
                </>
              )}
            </p>
            <time dateTime={entry.createdAt.toISOString()} className="text-sm text-stone-600 dark:text-stone-400">
              {shortDateTime(entry.createdAt)}
            </time>
          </div>
          <span
            className={`shrink-0 font-semibold tabular-nums ${
              entry.amount > 0 ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"
            }`}
          >
            {signedPoints(entry.amount)}
          </span>
        </li>
      )}
    </PagedListCard>
  );
}
