import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { MeetingTime } from "../../components/meeting-time";
import { Alert, Button, Card, EmptyState, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { byCursor, pageItems, useAllPages } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { CalendarFeed } from "./calendar-feed";
import { monthFromParam, monthGrid, monthParam, shiftMonth } from "./month";
import { MonthGrid } from "./month-grid";

export function CalendarPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const month = useMemo(() => monthFromParam(params.get("month"), new Date()), [params]);
  const grid = useMemo(() => monthGrid(month), [month]);
  const calendar = useInfiniteQuery({
    ...trpc.meetings.myCalendar.infiniteQueryOptions({ from: grid.from, to: grid.to, limit: 50 }, byCursor),
    placeholderData: keepPreviousData,
  });
  // A month shows every meeting in it.
  useAllPages(calendar);
  const entries = pageItems(calendar.data);
  const inMonth = entries.filter(({ meeting }) => meeting.startsAt.getMonth() === month.getMonth());
  const title = month.toLocaleDateString(undefined, { month: "long", year: "numeric" });
  const go = (by: number) => setParams({ month: monthParam(shiftMonth(month, by)) });

  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle="The meetings of all your clubs.">My calendar</PageTitle>
      <Card>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-serif text-xl font-semibold" aria-live="polite">
            {title}
          </h2>
          <nav aria-label="Months" className="flex gap-2">
            <Button variant="secondary" className="px-3 py-1" onClick={() => go(-1)}>
              <span aria-hidden="true">←</span> <span className="max-sm:sr-only">Previous month</span>
            </Button>
            <Button variant="secondary" className="px-3 py-1" onClick={() => setParams({})}>
              Today
            </Button>
            <Button variant="secondary" className="px-3 py-1" onClick={() => go(1)}>
              <span className="max-sm:sr-only">Next month</span> <span aria-hidden="true">→</span>
            </Button>
          </nav>
        </div>
        {calendar.isError && <Alert>{errorMessage(calendar.error)}</Alert>}
        {calendar.isPending ? (
          <Skeleton className="h-96" />
        ) : (
          <div aria-busy={calendar.isPlaceholderData || undefined}>
            <MonthGrid month={month} weeks={grid.weeks} entries={entries} />
            {inMonth.length === 0 ? (
              <div className="mt-4">
                <EmptyState>
                  No meetings this month.{" "}
                  <Link to="/clubs" className="underline">
                    Find a club
                  </Link>{" "}
                  or ask your club's admin to schedule the next book.
                </EmptyState>
              </div>
            ) : (
              <ul aria-label={`Meetings in ${title}`} className="mt-4 flex flex-col gap-2 sm:hidden">
                {inMonth.map(({ meeting, book }) => (
                  <li key={meeting.id}>
                    <Link to={`/meetings/${meeting.id}`} className="font-semibold hover:underline">
                      {book.title}
                    </Link>
                    <span className="block text-sm text-stone-600 dark:text-stone-400">
                      <MeetingTime at={meeting.startsAt} zone={meeting.timeZone} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Card>
      <CalendarFeed />
    </div>
  );
}
