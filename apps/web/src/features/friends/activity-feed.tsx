import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PagedListCard } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { Skeleton } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

/**
 * What friends read lately, newest first (only meetings the member may see).
 * `glance` (the home page) shows the latest few and links to the whole feed.
 */
export function ActivityFeed({ glance = false }: { glance?: boolean }) {
  const trpc = useTRPC();
  const activity = useInfiniteQuery({
    ...trpc.friends.activity.infiniteQueryOptions({ limit: glance ? 5 : 20 }, byCursor),
    // Friends keep reading: look again whenever the feed is shown.
    staleTime: 0,
  });

  return (
    <PagedListCard
      title="Friends' reading"
      query={activity}
      loading={<Skeleton className="h-24" />}
      empty="Nothing yet. When your friends report pages in their meetings, it shows up here."
      ordered
      moreLabel={glance ? undefined : "Load more activity"}
      footer={
        glance && (
          <p className="mt-3 text-sm">
            <Link to="/friends" className="font-semibold text-brand-700 underline dark:text-brand-500">
              See all activity
            </Link>
          </p>
        )
      }
    >
      {(entry) => (
        <li key={entry.id} className="py-2">
          <p>
            <PersonLink user={entry.user} />{" "}
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
      )}
    </PagedListCard>
  );
}
