import { sameClock } from "@booky/domain";

const styles = {
  full: { dateStyle: "full", timeStyle: "short" },
  medium: { dateStyle: "medium", timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The viewer's own zone, as the browser knows it. */
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Europe/Rome" → "Rome"; a member reads a city, not an identifier. */
const placeOf = (zone: string) => (zone.split("/").pop() ?? zone).replaceAll("_", " ");

/**
 * A meeting's time in the viewer's zone and, when the club's zone shows a
 * different clock, the club's time beside it ("19:00 Rome time").
 */
export function MeetingTime({
  at,
  zone,
  format = "medium",
}: {
  at: Date;
  /** The club's IANA zone (the meeting's). */
  zone: string;
  format?: keyof typeof styles;
}) {
  const mine = at.toLocaleString(undefined, styles[format]);
  const theirs = sameClock(viewerZone(), zone, at)
    ? null
    : at.toLocaleTimeString(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" });
  return (
    <time dateTime={at.toISOString()}>
      {mine}
      {theirs && (
        <span className="text-stone-600 dark:text-stone-400">
          {" "}
          ({theirs} {placeOf(zone)} time)
        </span>
      )}
    </time>
  );
}
