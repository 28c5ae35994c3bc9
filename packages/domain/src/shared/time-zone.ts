import { z } from "zod";

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Rome", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A club's time zone: where it meets, so its meetings read in its own clock beside each viewer's. */
export const timeZoneSchema = z.string().trim().refine(isTimeZone, "Pick a time zone such as Europe/Rome");

/** The wall-clock offset of `zone` from UTC at `at`, in minutes (Rome in winter: 60). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** Whether two zones show the same clock at `at` (then a page shows one time, not two). */
export function sameClock(a: string, b: string, at: Date): boolean {
  return zoneOffsetMinutes(a, at) === zoneOffsetMinutes(b, at);
}
