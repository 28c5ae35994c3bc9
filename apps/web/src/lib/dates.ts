/** A moment as a list row shows it: "Dec 2, 2026, 6:19 AM", in the viewer's locale and zone. */
export const shortDateTime = (date: Date) =>
  date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
