import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEETING_STATUSES } from "../meetings/status.js";
import { AUTO_CLOSE_AFTER_START_MS, AUTO_CLOSE_FROM, autoCloseCutoff, isDueForAutoClose } from "./betting.js";

describe("auto-close", () => {
  it("the cutoff is the start six hours back, and the sweep's two halves (status, cutoff) are the whole rule", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(autoCloseCutoff(now)).toEqual(new Date("2026-12-01T18:00:00Z"));
    fc.assert(
      fc.property(
        fc.constantFrom(...MEETING_STATUSES),
        fc.integer({ min: -2 * AUTO_CLOSE_AFTER_START_MS, max: 2 * AUTO_CLOSE_AFTER_START_MS }),
        (status, offset) => {
          const startsAt = new Date(now.getTime() - offset);
          const swept = (AUTO_CLOSE_FROM as readonly string[]).includes(status) && startsAt <= autoCloseCutoff(now);
          expect(isDueForAutoClose({ status, startsAt }, now)).toBe(swept);
        },
      ),
    );
  });
});
