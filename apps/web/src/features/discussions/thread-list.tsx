import { spoilerNotice } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { PagedList } from "../../components/paged-list";
import { Card } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { Composer } from "./composer";
import { threadTitle } from "./spoiler-text";
import type { ThreadListItem } from "./types";

/**
 * A club's general discussion (`meetingId` null) or a meeting's: pinned
 * threads first, then the rest by latest activity, each marked when it has
 * something unread; members start new threads below.
 */
export function ThreadList({
  clubId,
  slug,
  meetingId,
  canWrite,
}: {
  clubId: string;
  slug: string;
  meetingId: string | null;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pinned = useInfiniteQuery(
    trpc.discussions.threads.infiniteQueryOptions({ clubId, meetingId, pinned: true }, byCursor),
  );
  const rest = useInfiniteQuery(
    trpc.discussions.threads.infiniteQueryOptions({ clubId, meetingId, pinned: false }, byCursor),
  );
  const create = useMutation(
    trpc.discussions.createThread.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.discussions.threads.pathKey() }),
    }),
  );
  const row = (thread: ThreadListItem) => <ThreadRow key={thread.id} thread={thread} slug={slug} />;
  return (
    <div className="flex flex-col gap-6">
      <Card title="Threads">
        <PagedList query={pinned} label="Pinned threads" loading={null}>
          {row}
        </PagedList>
        <PagedList query={rest} label="Threads" empty="No thread yet: start the first one." moreLabel="More threads">
          {row}
        </PagedList>
      </Card>
      {canWrite && (
        <Card title="Start a thread">
          <Composer
            withTitle
            withPage={meetingId !== null}
            submitLabel="Post thread"
            busy={create.isPending}
            onSubmit={(values) =>
              create.mutateAsync({ clubId, meetingId, title: values.title ?? "", body: values.body, page: values.page })
            }
          />
        </Card>
      )}
    </div>
  );
}

function ThreadRow({ thread, slug }: { thread: ThreadListItem; slug: string }) {
  const title = threadTitle(thread);
  return (
    <li className="flex flex-col gap-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        {thread.unread && (
          <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">New</span>
        )}
        {thread.pinned && <span className="text-xs font-semibold uppercase">Pinned</span>}
        {thread.locked && <span className="text-xs font-semibold uppercase">Locked</span>}
        <Link to={`/clubs/${slug}/discussions/${thread.id}`} className="font-semibold underline">
          {title}
        </Link>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {thread.moderated
          ? thread.moderated.notice
          : thread.spoiler
            ? spoilerNotice(thread.spoiler)
            : thread.text?.excerpt}
      </p>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {thread.author.displayName} · {thread.commentCount} {thread.commentCount === 1 ? "comment" : "comments"}
        {thread.page !== null && ` · about page ${thread.page}`}
      </p>
    </li>
  );
}
