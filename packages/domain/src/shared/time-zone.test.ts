import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTimeZone, sameClock, timeZoneSchema, zoneOffsetMinutes } from "./time-zone.js";

describe("time zones", () => {
  it("knows IANA zones and refuses anything else", () => {
    for (const zone of ["UTC", "Europe/Rome", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["", "Mars/Olympus", "Europe/Rome; drop table", "../etc/passwd", "x".repeat(100)]) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
    expect(timeZoneSchema.safeParse(" Europe/Rome ").data).toBe("Europe/Rome");
  });

  it("gives each zone's offset, summer time included", () => {
    expect(zoneOffsetMinutes("Europe/Rome", new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(zoneOffsetMinutes("Europe/Rome", new Date("2026-07-15T12:00:00Z"))).toBe(120);
    expect(zoneOffsetMinutes("Asia/Kolkata", new Date("2026-07-15T12:00:00Z"))).toBe(330);
    expect(zoneOffsetMinutes("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe(-300);
  });

  it("UTC is offset 0 at every moment; a zone has the same clock as itself", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1971-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (at) => {
        expect(zoneOffsetMinutes("UTC", at)).toBe(0);
        expect(sameClock("Europe/Rome", "Europe/Rome", at)).toBe(true);
      }),
    );
  });

  it("tells zones apart that show different clocks, and alikes that do not", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(sameClock("Europe/Rome", "Europe/Paris", winter)).toBe(true);
    expect(sameClock("Europe/Rome", "Europe/London", winter)).toBe(false);
  });
});
