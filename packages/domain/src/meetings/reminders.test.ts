import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDueForReminder, MEETING_REMINDER_LEAD_MS, reminderCutoff } from "./reminders.js";

const now = new Date("2026-05-01T12:00:00Z");
const inHours = (hours: number) => ({ startsAt: new Date(now.getTime() + hours * 3_600_000) });

describe("meeting reminders", () => {
  it("are due within the day before the start, not earlier and not once started", () => {
    expect(isDueForReminder(inHours(25), now)).toBe(false);
    expect(isDueForReminder(inHours(24), now)).toBe(true);
    expect(isDueForReminder(inHours(1), now)).toBe(true);
    expect(isDueForReminder(inHours(0), now)).toBe(false);
  });

  it("the cutoff bounds exactly the meetings that are due", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * MEETING_REMINDER_LEAD_MS }), (ahead) => {
        const meeting = { startsAt: new Date(now.getTime() + ahead) };
        expect(isDueForReminder(meeting, now)).toBe(meeting.startsAt <= reminderCutoff(now));
      }),
    );
  });
});
