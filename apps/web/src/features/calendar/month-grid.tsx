import type { RouterOutputs } from "@booky/server";
import { isSameMonth, isToday } from "date-fns";
import { Link } from "react-router";
import { dayKey } from "./month";

type Entry = RouterOutputs["meetings"]["myCalendar"]["items"][number];

const cx = (...classes: (string | false)[]) => classes.filter(Boolean).join(" ");
const timeOf = (date: Date) => date.toLocaleTimeString(undefined, { timeStyle: "short" });

/**
 * A month as a table: a column per weekday, a row per week. Each day names its
 * meetings as links; today is marked (aria-current="date"). On a phone the
 * cells show dots and the agenda under the table lists the meetings.
 */
export function MonthGrid({ month, weeks, entries }: { month: Date; weeks: Date[][]; entries: Entry[] }) {
  const byDay = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = dayKey(entry.meeting.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  }
  const weekdays = weeks[0] ?? [];

  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">
        Your meetings in {month.toLocaleDateString(undefined, { month: "long", year: "numeric" })}
      </caption>
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th
              key={day.getDay()}
              scope="col"
              abbr={day.toLocaleDateString(undefined, { weekday: "long" })}
              className="py-2 text-xs font-semibold uppercase text-stone-600 dark:text-stone-400"
            >
              {day.toLocaleDateString(undefined, { weekday: "short" })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0] ?? month)}>
            {week.map((day) => {
              const meetings = byDay.get(dayKey(day)) ?? [];
              const today = isToday(day);
              return (
                <td
                  key={dayKey(day)}
                  aria-current={today ? "date" : undefined}
                  className={cx(
                    "h-16 border border-stone-200 p-1 align-top sm:h-24 dark:border-stone-800",
                    !isSameMonth(day, month) && "bg-stone-100 text-stone-600 dark:bg-stone-950 dark:text-stone-400",
                    today && "bg-brand-50 ring-2 ring-brand-600 ring-inset dark:bg-stone-800",
                  )}
                >
                  <time
                    dateTime={dayKey(day)}
                    className={cx("block text-xs font-semibold", today && "text-brand-800 dark:text-brand-100")}
                  >
                    <span aria-hidden="true">{day.getDate()}</span>
                    <span className="sr-only">
                      {day.toLocaleDateString(undefined, { dateStyle: "full" })}
                      {today && " (today)"}
                    </span>
                  </time>
                  {meetings.length > 0 && (
                    <>
                      <span aria-hidden="true" className="mt-1 flex gap-1 sm:hidden">
                        {meetings.map(({ meeting }) => (
                          <span key={meeting.id} className="size-2 rounded-full bg-brand-600" />
                        ))}
                      </span>
                      <ul className="mt-1 hidden flex-col gap-1 sm:flex">
                        {meetings.map(({ meeting, book, myRsvp }) => (
                          <li key={meeting.id}>
                            <Link
                              to={`/meetings/${meeting.id}`}
                              className={cx(
                                "block truncate rounded bg-brand-100 px-1 text-xs text-brand-800 hover:underline",
                                meeting.status === "cancelled" && "line-through",
                              )}
                              title={`${timeOf(meeting.startsAt)} ${book.title}`}
                            >
                              {timeOf(meeting.startsAt)} {book.title}
                              {myRsvp === "going" && <span className="sr-only"> (you are going)</span>}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
