import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { QueryCard } from "../../components/query-view";
import { ProgressBar, Skeleton } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { StandingBadge } from "../meetings/schedule-card";
import { daysToDeadline } from "./countdown";
import { useNow } from "./use-now";

const DAY_MS = 86_400_000;
const SHOWN = 5;

/** The books the member is racing through now: meetings they are going to that are still open. */
export function ActiveReads() {
  const trpc = useTRPC();
  const now = useNow();
  // A meeting in progress started a little while ago; the next ones are a few months ahead.
  const [range] = useState(() => {
    const today = Date.now();
    return { from: new Date(today - 14 * DAY_MS), to: new Date(today + 120 * DAY_MS) };
  });
  const calendar = useQuery(trpc.meetings.myCalendar.queryOptions({ ...range, limit: 50 }));
  const reads = (calendar.data?.items ?? [])
    .filter(
      ({ meeting, myRsvp }) => myRsvp === "going" && (meeting.status === "scheduled" || meeting.status === "active"),
    )
    .slice(0, SHOWN);
  const progress = useQueries({
    queries: reads.map(({ meeting }) => trpc.progress.get.queryOptions({ meetingId: meeting.id })),
  });
  // Where the member stands against each meeting's reading schedule (none without one), alongside.
  const standings = useQueries({
    queries: reads.map(({ meeting }) => trpc.schedules.mine.queryOptions({ meetingId: meeting.id })),
  });

  return (
    <QueryCard
      title="Your reads"
      query={calendar}
      empty="Nothing to read right now. Answer “Going” to one of your clubs' meetings to join its race."
      isEmpty={() => reads.length === 0}
    >
      {() => (
        <ul className="flex flex-col gap-4">
          {reads.map(({ meeting, book }, index) => {
            const mine = progress[index]?.data;
            const standing = standings[index]?.data?.standing;
            return (
              <li key={meeting.id}>
                <div className="flex flex-wrap justify-between gap-x-2 text-sm">
                  <span>
                    <Link to={`/meetings/${meeting.id}`} className="font-semibold hover:underline">
                      {book.title}
                    </Link>
                    {standing && <StandingBadge standing={standing} />}
                  </span>
                  <span className="text-stone-600 dark:text-stone-400">
                    {daysToDeadline(meeting.readingDeadline, now)}
                  </span>
                </div>
                {mine ? (
                  <>
                    <ProgressBar
                      label={`Your progress in ${book.title}`}
                      percent={mine.percent}
                      valueText={mine.finished ? "Finished" : `page ${mine.page} of ${meeting.bookPageCount}`}
                    />
                    <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                      {mine.finished ? "Finished" : `page ${mine.page} of ${meeting.bookPageCount} · ${mine.percent}%`}
                    </p>
                  </>
                ) : (
                  <Skeleton className="mt-1 h-3" />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </QueryCard>
  );
}
