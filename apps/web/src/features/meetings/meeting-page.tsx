import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Button, Card, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { authorsLine, BookCover } from "../books/book-cover";

const rsvpLabels = { going: "Going", interested: "Interested", not_going: "Not going" } as const;

export function MeetingPage() {
  const { meetingId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meeting = useQuery(trpc.meetings.get.queryOptions({ meetingId }));
  // Others' progress changes while the page is open: poll it.
  const board = useQuery({
    ...trpc.progress.forMeeting.queryOptions({ meetingId, limit: 50 }),
    refetchInterval: 15_000,
  });
  const mine = useQuery(trpc.progress.get.queryOptions({ meetingId }));
  const invalidateAll = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
    ]);
  const rsvp = useMutation(trpc.meetings.rsvp.mutationOptions({ onSuccess: invalidateAll }));
  const report = useMutation(trpc.progress.update.mutationOptions({ onSettled: invalidateAll }));
  const [page, setPage] = useState("");

  if (meeting.isPending) return <Skeleton className="h-48 w-full" />;
  if (meeting.isError) return <Alert>{errorMessage(meeting.error)}</Alert>;
  const data = meeting.data;
  const going = data.myRsvp?.status === "going";
  const open = data.status === "scheduled" || data.status === "active";

  return (
    <div className="flex flex-col gap-6">
      <PageTitle
        subtitle={`${data.startsAt.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" })} · ${
          data.place ?? "online"
        } · ${data.status}`}
      >
        {data.book?.title ?? "Meeting"}
      </PageTitle>
      {data.book && (
        <Link to={`/books/${data.book.id}`} className="-mt-4 flex items-center gap-3 hover:underline">
          <BookCover url={data.book.coverUrl} title={data.book.title} size="sm" />
          <span>
            {authorsLine(data.book.authors)} · {data.bookPageCount} pages
          </span>
        </Link>
      )}
      {data.link && (
        <a href={data.link} className="-mt-4 text-brand-700 underline dark:text-brand-500">
          Join the video call
        </a>
      )}
      {data.myRole && open && (
        <Card title="Are you coming?">
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">Your answer</legend>
            {(Object.keys(rsvpLabels) as (keyof typeof rsvpLabels)[]).map((status) => (
              <Button
                key={status}
                variant={data.myRsvp?.status === status ? "primary" : "secondary"}
                aria-pressed={data.myRsvp?.status === status}
                busy={rsvp.isPending && rsvp.variables?.status === status}
                onClick={() => rsvp.mutate({ meetingId, status })}
              >
                {rsvpLabels[status]}
              </Button>
            ))}
          </fieldset>
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            {data.rsvpCounts.going} going · {data.rsvpCounts.interested} interested
          </p>
        </Card>
      )}
      {going && open && mine.data && (
        <Card title="Your progress">
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              report.mutate({ meetingId, page: Number(page), expectedVersion: mine.data.version });
            }}
          >
            <label className="flex flex-col text-sm font-medium">
              Page reached (of {data.bookPageCount})
              <input
                type="number"
                min={0}
                max={data.bookPageCount}
                value={page}
                onChange={(event) => setPage(event.target.value)}
                className="mt-1 w-32 rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
              />
            </label>
            <Button type="submit" busy={report.isPending && !report.variables?.finished}>
              Update
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => report.mutate({ meetingId, finished: true, expectedVersion: mine.data.version })}
            >
              I finished the book
            </Button>
          </form>
          {report.isError && (
            <div className="mt-3">
              <Alert>{errorMessage(report.error)}</Alert>
            </div>
          )}
        </Card>
      )}
      <Card title="The race">
        {board.data?.items.length ? (
          <ul className="flex flex-col gap-3">
            {board.data.items.map((row) => (
              <li key={row.user.id}>
                <div className="flex justify-between text-sm">
                  <span className="font-medium">{row.user.displayName}</span>
                  <span>{row.finished ? "Finished" : `page ${row.page} · ${row.percent}%`}</span>
                </div>
                <div
                  role="progressbar"
                  aria-label={`${row.user.displayName}'s progress`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={row.percent}
                  className="mt-1 h-3 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
                >
                  <div className="h-full rounded-full bg-brand-600" style={{ width: `${row.percent}%` }} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600 dark:text-stone-400">Nobody is going yet. Answer “Going” to join the race.</p>
        )}
      </Card>
    </div>
  );
}
