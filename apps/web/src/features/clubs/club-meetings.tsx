import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { MeetingTime } from "../../components/meeting-time";
import { Alert, Card, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

const statusNotes = { scheduled: "", active: " · in progress", closed: " · closed", cancelled: " · cancelled" };

/** A club's upcoming meetings (soonest first) or past ones (latest first). */
export function ClubMeetings({ clubId, when, empty }: { clubId: string; when: "upcoming" | "past"; empty: string }) {
  const trpc = useTRPC();
  const meetings = useInfiniteQuery(
    trpc.meetings.listForClub.infiniteQueryOptions(
      { clubId, when, limit: 10 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = meetings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title={when === "upcoming" ? "Upcoming meetings" : "Past meetings"}>
      {meetings.isPending ? (
        <Skeleton className="h-16" />
      ) : meetings.isError ? (
        <Alert>{errorMessage(meetings.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/meetings/${meeting.id}`} className="font-semibold hover:underline">
                {meeting.book.title}
              </Link>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <MeetingTime at={meeting.startsAt} zone={meeting.timeZone} />
                {statusNotes[meeting.status]}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={meetings} label={when === "upcoming" ? "Show later meetings" : "Show earlier meetings"} />
    </Card>
  );
}
