import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { PagedList } from "../../components/paged-list";
import { MutationError } from "../../components/query-view";
import { Alert, Button, Card, ConfirmButton, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { type Club, ClubLoader } from "../clubs/club-loader";
import { Composer } from "./composer";
import { EditText } from "./edit-text";
import { ReportButton } from "./report-dialog";
import { TextBody, threadTitle } from "./spoiler-text";
import type { Comment, Thread } from "./types";

/** `/clubs/:slug/discussions/:threadId`: a thread, its comments and replies, and the reply box. */
export function ThreadPage() {
  return <ClubLoader skeleton="h-64">{(club, slug) => <ThreadView club={club} slug={slug} />}</ClubLoader>;
}

function useDiscussionRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.discussions.pathKey() });
}

function ThreadView({ club, slug }: { club: Club; slug: string }) {
  const { threadId = "" } = useParams();
  const trpc = useTRPC();
  const refresh = useDiscussionRefresh();
  const input = { clubId: club.id, threadId };
  const thread = useQuery(trpc.discussions.thread.queryOptions(input));
  const comments = useInfiniteQuery(trpc.discussions.comments.infiniteQueryOptions({ ...input, limit: 50 }, byCursor));
  const markRead = useMutation(trpc.discussions.markRead.mutationOptions());
  const comment = useMutation(trpc.discussions.comment.mutationOptions({ onSuccess: refresh }));
  const lastActivity = thread.data?.lastActivityAt.getTime();
  // Reading the page reads the thread, again whenever something new shows up in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: marks read per activity time
  useEffect(() => {
    if (lastActivity) markRead.mutate(input);
  }, [lastActivity]);

  if (thread.isPending) return <Skeleton className="h-64 w-full" />;
  if (thread.isError) return <Alert>{errorMessage(thread.error)}</Alert>;
  const data = thread.data;
  const isMember = club.myRole !== null;
  const back = data.meetingId ? `/meetings/${data.meetingId}/discussion` : `/clubs/${slug}/discussion`;

  return (
    <div className="flex flex-col gap-6">
      <Link to={back} className="text-sm underline">
        Back to the discussion
      </Link>
      <article aria-labelledby="thread-title" className="flex flex-col gap-3">
        <PageTitle
          subtitle={`${data.author.displayName}${data.page !== null ? ` · about page ${data.page}` : ""}${
            data.editedAt ? ` · edited ${data.editedAt.toLocaleString()}` : ""
          }`}
        >
          <span id="thread-title">{threadTitle(data)}</span>
        </PageTitle>
        <TextBody
          html={data.text?.html ?? null}
          deleted={data.deleted}
          moderated={data.moderated}
          spoiler={data.spoiler}
          reveal={{ clubId: club.id, kind: "thread", id: data.id }}
        />
        {isMember && !data.deleted && <ThreadActions club={club} thread={data} />}
      </article>
      <Card title={`Comments (${data.commentCount})`}>
        <PagedList query={comments} label="Comments" empty="No comment yet." moreLabel="More comments">
          {(item) => <CommentRow key={item.id} item={item} club={club} withPage={data.meetingId !== null} />}
        </PagedList>
      </Card>
      {isMember && !data.locked && !data.deleted && (
        <Card title="Comment">
          <Composer
            withTitle={false}
            withPage={data.meetingId !== null}
            submitLabel="Post comment"
            busy={comment.isPending}
            onSubmit={(values) => comment.mutateAsync({ ...input, body: values.body, page: values.page })}
          />
        </Card>
      )}
      {data.locked && <Alert tone="info">This thread is locked: it takes no new comments.</Alert>}
    </div>
  );
}

function ThreadActions({ club, thread }: { club: Club; thread: Thread }) {
  const trpc = useTRPC();
  const refresh = useDiscussionRefresh();
  const session = useSession();
  const isAdmin = club.myRole === "admin" || club.myRole === "owner";
  const mine = session.status === "authenticated" && session.user.id === thread.author.id;
  const input = { clubId: club.id, threadId: thread.id };
  const pin = useMutation(trpc.discussions.pin.mutationOptions({ onSuccess: refresh }));
  const lock = useMutation(trpc.discussions.lock.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.discussions.deleteThread.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="flex flex-wrap gap-2">
      <ReportButton clubId={club.id} target={{ kind: "thread", id: thread.id }} label="Report this thread" />
      {mine && thread.text?.source != null && (
        <EditText
          label="Edit this thread"
          withPage={thread.meetingId !== null}
          text={{
            kind: "thread",
            clubId: club.id,
            id: thread.id,
            title: thread.text.title,
            body: thread.text.source,
            page: thread.page,
          }}
        />
      )}
      {isAdmin && (
        <>
          <Button
            variant="secondary"
            className="px-3 py-1"
            onClick={() => pin.mutate({ ...input, pinned: !thread.pinned })}
          >
            {thread.pinned ? "Unpin" : "Pin"}
          </Button>
          <Button
            variant="secondary"
            className="px-3 py-1"
            onClick={() => lock.mutate({ ...input, locked: !thread.locked })}
          >
            {thread.locked ? "Unlock" : "Lock"}
          </Button>
        </>
      )}
      {(mine || isAdmin) && (
        <ConfirmButton
          size="small"
          question="Delete this thread?"
          confirmLabel="Delete"
          onConfirm={() => remove.mutate(input)}
        >
          Delete
        </ConfirmButton>
      )}
      <MutationError of={[pin, lock, remove]} />
    </div>
  );
}

function CommentRow({ item, club, withPage }: { item: Comment; club: Club; withPage: boolean }) {
  const trpc = useTRPC();
  const refresh = useDiscussionRefresh();
  const session = useSession();
  const reply = useMutation(trpc.discussions.comment.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.discussions.deleteComment.mutationOptions({ onSuccess: refresh }));
  const isMember = club.myRole !== null;
  const mine = session.status === "authenticated" && session.user.id === item.author.id;
  const mayDelete = mine || club.myRole === "admin" || club.myRole === "owner";
  return (
    <li
      className={`flex flex-col gap-2 py-3 ${item.parentId ? "ml-6 border-l-2 border-stone-200 pl-4 dark:border-stone-700" : ""}`}
    >
      <p className="text-sm font-semibold">
        {item.author.displayName}
        <span className="font-normal text-stone-600 dark:text-stone-400">
          {item.page !== null && ` · about page ${item.page}`}
          {item.editedAt && ` · edited ${item.editedAt.toLocaleString()}`}
        </span>
      </p>
      <TextBody
        html={item.text?.html ?? null}
        deleted={item.deleted}
        moderated={item.moderated}
        spoiler={item.spoiler}
        reveal={{ clubId: club.id, kind: "comment", id: item.id }}
      />
      {isMember && !item.deleted && (
        <div className="flex flex-wrap gap-2">
          <ReportButton
            clubId={club.id}
            target={{ kind: "comment", id: item.id }}
            label={`Report the comment of ${item.author.displayName}`}
          />
          {mine && item.text?.source != null && (
            <EditText
              label={`Edit your comment of ${item.createdAt.toLocaleString()}`}
              withPage={withPage}
              text={{ kind: "comment", clubId: club.id, id: item.id, body: item.text.source, page: item.page }}
            />
          )}
          {mayDelete && (
            <ConfirmButton
              size="small"
              question="Delete this comment?"
              confirmLabel="Delete"
              onConfirm={() => remove.mutate({ clubId: club.id, commentId: item.id })}
            >
              Delete
            </ConfirmButton>
          )}
        </div>
      )}
      {isMember && !item.parentId && !item.deleted && (
        <details>
          <summary className="cursor-pointer text-sm underline">Reply to {item.author.displayName}</summary>
          <div className="mt-2">
            <Composer
              withTitle={false}
              withPage={withPage}
              submitLabel="Post reply"
              busy={reply.isPending}
              onSubmit={(values) =>
                reply.mutateAsync({
                  clubId: club.id,
                  threadId: item.threadId,
                  parentId: item.id,
                  body: values.body,
                  page: values.page,
                })
              }
            />
          </div>
        </details>
      )}
      <MutationError of={[remove]} />
    </li>
  );
}
