import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Alert, Card, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/**
 * What friends read lately, newest first (only meetings the member may see).
 * `glance` (the home page) shows the latest few and links to the whole feed.
 */
export function ActivityFeed({ glance = false }: { glance?: boolean }) {
  const trpc = useTRPC();
  const activity = useInfiniteQuery({
    ...trpc.friends.activity.infiniteQueryOptions(
      { limit: glance ? 5 : 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    // Friends keep reading: look again whenever the feed is shown.
    staleTime: 0,
  });
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Friends' reading">
      {activity.isPending ? (
        <Skeleton className="h-24" />
      ) : activity.isError ? (
        <Alert>{errorMessage(activity.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState>Nothing yet. When your friends report pages in their meetings, it shows up here.</EmptyState>
      ) : (
        <ol className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((entry) => (
            <li key={entry.id} className="py-2">
              <p>
                <Link to={`/u/${entry.user.username}`} className="font-medium hover:underline">
                  {entry.user.displayName}
                </Link>{" "}
                {entry.finished ? "finished " : `reached page ${entry.page} of ${entry.meeting.bookPageCount} in `}
                <Link to={`/meetings/${entry.meeting.id}`} className="font-medium hover:underline">
                  {entry.meeting.bookTitle}
                </Link>
              </p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <Link to={`/clubs/${entry.club.slug}`} className="hover:underline">
                  {entry.club.name}
                </Link>{" "}
                ·{" "}
                <time dateTime={entry.recordedAt.toISOString()}>
                  {entry.recordedAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {glance ? (
        <p className="mt-3 text-sm">
          <Link to="/friends" className="font-semibold text-brand-700 underline dark:text-brand-500">
            See all activity
          </Link>
        </p>
      ) : (
        <LoadMore query={activity} label="Load more activity" />
      )}
    </Card>
  );
}
