import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo } from "react";
import { Link, useParams } from "react-router";
import { MeetingTime } from "../../components/meeting-time";
import { Alert, Card, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { BetPoolPanel } from "../bets/bet-pool-panel";
import { authorsLine, BookCover } from "../books/book-cover";
import { DiscussionTabs } from "../discussions/tabs";
import { DatePollCard } from "./date-poll-card";
import { MeetingControls } from "./meeting-controls";
import { meetingQueries } from "./meeting-queries";
import { ProgressForm } from "./progress-form";
import { RaceBoard } from "./race-board";
import { RsvpCard } from "./rsvp-card";
import { ScheduleCard } from "./schedule-card";

/** recharts is heavy: it loads with the chart, after the rest of the page. */
const ProgressChart = lazy(() => import("./progress-chart"));

const statusLabels = { scheduled: "Scheduled", active: "In progress", closed: "Closed", cancelled: "Cancelled" };

export function MeetingPage() {
  const { meetingId = "" } = useParams();
  const trpc = useTRPC();
  const queries = meetingQueries(trpc, meetingId);
  // All in parallel (the route loader started them already): only the club waits for the meeting to name it.
  const meeting = useQuery(queries.meeting);
  const club = useQuery({ ...queries.club(meeting.data?.clubId ?? ""), enabled: meeting.isSuccess });
  const board = useInfiniteQuery(queries.board);
  const schedule = useQuery(queries.schedule);
  const standings = useMemo(
    () =>
      schedule.data && schedule.data.milestones.length > 0
        ? new Map(schedule.data.standings.flatMap((s) => (s.standing ? [[s.userId, s.standing] as const] : [])))
        : undefined,
    [schedule.data],
  );
  const going = meeting.data?.myRsvp?.status === "going";
  const mine = useQuery({ ...trpc.progress.get.queryOptions({ meetingId }), enabled: going });
  const boardData = board.data && {
    bookPageCount: board.data.pages[0]?.bookPageCount ?? 0,
    nextCursor: null,
    items: board.data.pages.flatMap((page) => page.items),
  };
  const names = useMemo(
    () => new Map(board.data?.pages.flatMap((page) => page.items.map((row) => [row.user.id, row.user.displayName]))),
    [board.data],
  );

  if (meeting.isPending) return <Skeleton className="h-48 w-full" />;
  if (meeting.isError) {
    const missing = isTRPCError(meeting.error) && ["NOT_FOUND", "BAD_REQUEST"].includes(meeting.error.data?.code ?? "");
    return <Alert>{missing ? "There is no meeting at this address." : errorMessage(meeting.error)}</Alert>;
  }
  const data = meeting.data;
  const open = data.status === "scheduled" || data.status === "active";
  const isAdmin = data.myRole === "owner" || data.myRole === "admin";
  const deadline = data.readingDeadline.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="flex flex-col gap-6">
      <PageTitle
        subtitle={
          <>
            {club.data ? (
              <Link to={`/clubs/${club.data.slug}`} className="underline">
                {club.data.name}
              </Link>
            ) : (
              "Club meeting"
            )}{" "}
            · {statusLabels[data.status]}
          </>
        }
      >
        {data.book?.title ?? "Meeting"}
      </PageTitle>
      <DiscussionTabs base={`/meetings/${meetingId}`} label="Meeting" />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">When</dt>
          <dd>
            <MeetingTime at={data.startsAt} zone={data.timeZone} format="full" />
          </dd>
          <dt className="font-medium">Where</dt>
          <dd>
            {data.place ?? "Online"}
            {data.link && (
              <>
                {" · "}
                <a href={data.link} className="text-brand-700 underline dark:text-brand-500">
                  Join the video call
                </a>
              </>
            )}
          </dd>
          <dt className="font-medium">Book</dt>
          <dd>
            {data.book && (
              <Link to={`/books/${data.book.id}`} className="inline-flex items-center gap-3 hover:underline">
                <BookCover url={data.book.coverUrl} title={data.book.title} size="sm" />
                <span className="flex flex-col">
                  <span className="font-medium">{data.book.title}</span>
                  <span className="text-sm text-stone-600 dark:text-stone-400">
                    {authorsLine(data.book.authors)} · {data.bookPageCount} pages
                  </span>
                </span>
              </Link>
            )}{" "}
            — read it by <time dateTime={data.readingDeadline.toISOString()}>{deadline}</time>
          </dd>
        </dl>
      </Card>
      <MeetingControls meeting={data} />
      <DatePollCard
        meetingId={meetingId}
        zone={data.timeZone}
        canMark={data.myRole !== null}
        canPick={data.status === "scheduled" && isAdmin}
      />
      {data.myRole && open && <RsvpCard meeting={data} />}
      {going && open && mine.data && (
        <ProgressForm meetingId={meetingId} pageCount={data.bookPageCount} mine={mine.data} />
      )}
      <RaceBoard board={boardData} query={board} updatedAt={board.dataUpdatedAt} standings={standings} />
      <ScheduleCard meetingId={meetingId} clubSlug={club.data?.slug ?? null} canEdit={open && isAdmin} />
      {data.bettingEnabled ? (
        <BetPoolPanel meeting={data} />
      ) : (
        <Card title="Bets on the race">
          <p>This club does not bet on its meetings: the race is for the reading.</p>
        </Card>
      )}
      <Card title="Progress over time">
        <Suspense fallback={<Skeleton className="h-72" />}>
          <ProgressChart meetingId={meetingId} pageCount={data.bookPageCount} names={names} />
        </Suspense>
      </Card>
    </div>
  );
}
