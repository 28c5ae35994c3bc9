import { useQuery } from "@tanstack/react-query";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { starsText } from "./types";

/** Count, mean and the ten half-steps, highest first, as bars (with the numbers in text). */
export function RatingHistogram({ bookId }: { bookId: string }) {
  const trpc = useTRPC();
  const aggregate = useQuery(trpc.reviews.aggregate.queryOptions({ bookId }));
  const data = aggregate.data;
  const top = Math.max(1, ...(data?.histogram.map((bucket) => bucket.count) ?? []));
  return (
    <Card title="Ratings">
      {data && data.count > 0 ? (
        <>
          <p className="mb-2" data-testid="rating-mean">
            <span className="text-2xl font-bold">{data.mean}</span> out of 5 · {data.count} rating
            {data.count === 1 ? "" : "s"}
          </p>
          <ul aria-label="Ratings by stars" className="flex flex-col gap-0.5 text-xs">
            {[...data.histogram].reverse().map((bucket) => (
              <li key={bucket.rating} className="flex items-center gap-2">
                <span className="w-16">{starsText(bucket.rating)}</span>
                <span className="h-2 flex-1 rounded bg-stone-200 dark:bg-stone-800">
                  <span
                    className="block h-2 rounded bg-amber-600 dark:bg-amber-400"
                    style={{ width: `${(bucket.count / top) * 100}%` }}
                  />
                </span>
                <span className="w-6 text-right">{bucket.count}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">No ratings yet.</p>
      )}
    </Card>
  );
}
