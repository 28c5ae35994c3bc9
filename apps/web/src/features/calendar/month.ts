import {
  addDays,
  addMonths,
  eachDayOfInterval,
  endOfMonth,
  endOfWeek,
  isValid,
  lightFormat,
  parseISO,
  startOfMonth,
  startOfWeek,
} from "date-fns";

/** Weeks start on Monday, as in most of the world's calendars. */
const weekOptions = { weekStartsOn: 1 } as const;

/** `?month=2031-03` to the first day of that month (local time); today's month when absent or invalid. */
export function monthFromParam(param: string | null, today: Date): Date {
  const parsed = param && /^\d{4}-\d{2}$/.test(param) ? parseISO(param) : null;
  return startOfMonth(parsed && isValid(parsed) ? parsed : today);
}

export const monthParam = (month: Date) => lightFormat(month, "yyyy-MM");
export const shiftMonth = (month: Date, by: number) => addMonths(month, by);

/** The whole weeks that show `month`, and the [from, to) range they cover. */
export function monthGrid(month: Date) {
  const days = eachDayOfInterval({
    start: startOfWeek(month, weekOptions),
    end: endOfWeek(endOfMonth(month), weekOptions),
  });
  const weeks: Date[][] = [];
  for (let index = 0; index < days.length; index += 7) weeks.push(days.slice(index, index + 7));
  const first = days[0] ?? month;
  const last = days[days.length - 1] ?? month;
  return { weeks, from: first, to: addDays(last, 1) };
}

/** A key per local calendar day, to group meetings by the day they start. */
export const dayKey = (date: Date) => lightFormat(date, "yyyy-MM-dd");
