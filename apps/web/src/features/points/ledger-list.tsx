import { Link } from "react-router";
import { Alert, Card, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { ledgerLabel, signedPoints } from "./ledger-entry";
import type { useLedger } from "./use-points-history";

const when = (date: Date) => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every change to the balance, newest first, in words. */
export function LedgerList({ ledger }: { ledger: ReturnType<typeof useLedger> }) {
  const entries = ledger.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="History">
      {ledger.isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : ledger.isError ? (
        <Alert>{errorMessage(ledger.error)}</Alert>
      ) : entries.length === 0 ? (
        <EmptyState>No points have moved yet.</EmptyState>
      ) : (
        <ul aria-label="Points history" className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {entries.map((entry) => (
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
                  {when(entry.createdAt)}
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
          ))}
        </ul>
      )}
      <LoadMore query={ledger} label="Load more history" />
    </Card>
  );
}
