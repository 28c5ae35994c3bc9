import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { MeetingTime } from "../../components/meeting-time";
import { QueryCard } from "../../components/query-view";
import { useTRPC } from "../../lib/trpc";
import { countdownTo } from "./countdown";
import { useNow } from "./use-now";

const linkClass = "font-semibold text-brand-700 underline dark:text-brand-500";
const SIXTY_DAYS_MS = 60 * 86_400_000;

/** The member's next meetings across their clubs (two months ahead). */
export function ComingUp() {
  const trpc = useTRPC();
  // Fixed when the page opens, so the query key stays the same across renders.
  const [range] = useState(() => {
    const from = new Date();
    return { from, to: new Date(from.getTime() + SIXTY_DAYS_MS) };
  });
  const upcoming = useQuery(trpc.meetings.myCalendar.queryOptions({ ...range, limit: 5 }));
  const now = useNow();
  return (
    <QueryCard
      title="Coming up"
      query={upcoming}
      empty="No meeting in the next two months. Your clubs' next meetings will show here."
      isEmpty={(data) => data.items.length === 0}
      footer={
        <p className="mt-3 text-sm">
          <Link to="/calendar" className={linkClass}>
            Open my calendar
          </Link>
        </p>
      }
    >
      {(data) => (
        <ul className="flex flex-col gap-2">
          {data.items.map(({ meeting, book, myRsvp }) => (
            <li key={meeting.id}>
              <div className="flex flex-wrap justify-between gap-x-2">
                <Link to={`/meetings/${meeting.id}`} className="font-semibold hover:underline">
                  {book.title}
                </Link>
                <time
                  dateTime={meeting.startsAt.toISOString()}
                  className="text-sm font-medium text-brand-800 dark:text-brand-100"
                >
                  {countdownTo(meeting.startsAt, now)}
                </time>
              </div>
              <span className="block text-sm text-stone-600 dark:text-stone-400">
                <MeetingTime at={meeting.startsAt} zone={meeting.timeZone} />
                {myRsvp === "going" ? " · you are going" : " · not answered yet"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </QueryCard>
  );
}

export function MyClubs() {
  const trpc = useTRPC();
  const clubs = useQuery(trpc.clubs.list.queryOptions({ mine: true, limit: 6 }));
  return (
    <QueryCard
      title="Your clubs"
      query={clubs}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <>
          You are not in a club yet.{" "}
          <Link to="/clubs" className={linkClass}>
            Find one
          </Link>{" "}
          or{" "}
          <Link to="/clubs/new" className={linkClass}>
            start your own
          </Link>
          .
        </>
      }
    >
      {(data) => (
        <ul className="flex flex-col gap-2">
          {data.items.map((club) => (
            <li key={club.id}>
              <Link to={`/clubs/${club.slug}`} className="font-semibold hover:underline">
                {club.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </QueryCard>
  );
}
