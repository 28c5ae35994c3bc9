import { notificationSentence, spoilerNotice } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { PagedList } from "../../components/paged-list";
import { MutationError } from "../../components/query-view";
import { Button, Card, PageTitle } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

type Item = RouterOutputs["notifications"]["list"]["items"][number];

/** Where a notification leads in the app. */
function linkOf(item: Item): string {
  if (item.threadId && item.club) return `/clubs/${item.club.slug}/discussions/${item.threadId}`;
  if (item.data.pollId && item.club) return `/clubs/${item.club.slug}/polls/${item.data.pollId}`;
  if (item.meeting) return `/meetings/${item.meeting.id}`;
  if (item.club) return `/clubs/${item.club.slug}`;
  if (item.kind === "friend_request" || item.kind === "friend_accepted") return "/friends";
  if (item.kind.startsWith("trade_")) return "/trades";
  if (item.kind.startsWith("loan_")) return "/loans";
  if (item.kind === "friend_finished" && item.data.bookId) return `/books/${item.data.bookId}`;
  return "/notifications";
}

export function NotificationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({}, byCursor));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle subtitle="What happened in your clubs and among your friends">Notifications</PageTitle>
        <div className="flex gap-2">
          <Button variant="secondary" busy={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            Mark all read
          </Button>
          <Link to="/settings/notifications" className="rounded-lg px-4 py-2 text-sm font-semibold underline">
            Settings
          </Link>
        </div>
      </div>
      <MutationError of={[markRead]} />
      <Card>
        <PagedList query={list} label="Notifications" ordered empty="Nothing yet." moreLabel="Older notifications">
          {(item) => (
            <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
              <div className="flex flex-col gap-1">
                <Link
                  to={linkOf(item)}
                  onClick={() => !item.readAt && markRead.mutate({ ids: [item.id] })}
                  className={`underline ${item.readAt ? "" : "font-semibold"}`}
                >
                  {notificationSentence(item)}
                </Link>
                {(item.spoiler || item.excerpt) && (
                  <p className="text-sm text-stone-700 dark:text-stone-300">
                    {item.spoiler ? `Spoiler · ${spoilerNotice(item.spoiler)}` : item.excerpt}
                  </p>
                )}
                <p className="text-xs text-stone-600 dark:text-stone-400">{item.createdAt.toLocaleString()}</p>
              </div>
              {!item.readAt && <span className="sr-only">Unread</span>}
            </li>
          )}
        </PagedList>
      </Card>
    </div>
  );
}
