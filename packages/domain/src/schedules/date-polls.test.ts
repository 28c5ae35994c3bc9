import { describe, expect, it } from "vitest";
import { datePollProblem, deadlineAfterMove, openDatePollInput } from "./date-polls.js";

const HOUR = 3_600_000;
const now = new Date("2026-12-01T12:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const meetingId = "3f1f6c7e-7a55-4a39-9c55-2f1d1c9f2a11";

describe("date polls", () => {
  it("offers two to ten distinct times, all ahead", () => {
    expect(openDatePollInput.safeParse({ meetingId, times: [at(1), at(2)] }).success).toBe(true);
    expect(openDatePollInput.safeParse({ meetingId, times: [at(1)] }).success).toBe(false);
    expect(openDatePollInput.safeParse({ meetingId, times: [at(1), new Date(at(1))] }).success).toBe(false);
    expect(
      openDatePollInput.safeParse({ meetingId, times: Array.from({ length: 11 }, (_, i) => at(i + 1)) }).success,
    ).toBe(false);
    expect(datePollProblem([at(1), at(2)], now)).toBeNull();
    expect(datePollProblem([at(1), at(-2)], now)).toMatch(/future/);
  });

  it("moves the deadline with the start when it was the start, keeps an earlier one, clamps one after the new start", () => {
    const meeting = { startsAt: at(48), readingDeadline: at(48) };
    expect(deadlineAfterMove(meeting, at(72))).toEqual(at(72));
    const earlier = { startsAt: at(48), readingDeadline: at(24) };
    expect(deadlineAfterMove(earlier, at(72))).toEqual(at(24));
    expect(deadlineAfterMove(earlier, at(12))).toEqual(at(12));
  });
});
