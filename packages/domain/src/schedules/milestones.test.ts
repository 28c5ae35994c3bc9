import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Milestone,
  milestonesToRemind,
  type ReadingStanding,
  readingStanding,
  scheduleProblem,
  setScheduleInput,
} from "./milestones.js";

const DAY = 86_400_000;
const start = new Date("2026-12-01T00:00:00Z").getTime();
const schedule = fc
  .uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 6 })
  .map((pages) =>
    pages
      .sort((a, b) => a - b)
      .map((untilPage, i): Milestone => ({ untilPage, dueAt: new Date(start + (i + 1) * 7 * DAY) })),
  );
const moment = fc.integer({ min: 0, max: 60 }).map((days) => new Date(start + days * DAY));
const rank: Record<ReadingStanding, number> = { behind: 0, on_track: 1, ahead: 2 };

describe("readingStanding", () => {
  it("more pages read never stand worse", () => {
    fc.assert(
      fc.property(
        schedule,
        moment,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (ms, now, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          expect(rank[readingStanding(high, ms, now)]).toBeGreaterThanOrEqual(rank[readingStanding(low, ms, now)]);
        },
      ),
    );
  });

  it("a reader who has reached every milestone is never behind; one short of a due milestone is", () => {
    fc.assert(
      fc.property(schedule, moment, (ms, now) => {
        expect(readingStanding(300, ms, now)).not.toBe("behind");
        const due = ms.filter((m) => m.dueAt <= now);
        const last = due[due.length - 1];
        if (last) expect(readingStanding(last.untilPage - 1, ms, now)).toBe("behind");
      }),
    );
  });

  it("reads on a hand-checked schedule", () => {
    const ms = [
      { untilPage: 100, dueAt: new Date(start + 7 * DAY) },
      { untilPage: 200, dueAt: new Date(start + 14 * DAY) },
    ];
    const day10 = new Date(start + 10 * DAY);
    expect(readingStanding(90, ms, day10)).toBe("behind");
    expect(readingStanding(150, ms, day10)).toBe("on_track");
    expect(readingStanding(200, ms, day10)).toBe("ahead");
    expect(readingStanding(0, [], day10)).toBe("on_track");
    expect(milestonesToRemind(150, ms, new Date(start + 13 * DAY), 2 * DAY)).toEqual([ms[1]]);
    expect(milestonesToRemind(200, ms, new Date(start + 13 * DAY), 2 * DAY)).toEqual([]);
  });
});

describe("schedules", () => {
  it("refuses milestones out of order, past the book's end or after the deadline", () => {
    const meetingId = "3f1f6c7e-7a55-4a39-9c55-2f1d1c9f2a11";
    const later = new Date(start + 14 * DAY);
    const earlier = new Date(start + 7 * DAY);
    expect(
      setScheduleInput.safeParse({
        meetingId,
        milestones: [
          { untilPage: 50, dueAt: later },
          { untilPage: 100, dueAt: earlier },
        ],
      }).success,
    ).toBe(false);
    expect(
      setScheduleInput.safeParse({
        meetingId,
        milestones: [
          { untilPage: 50, dueAt: earlier },
          { untilPage: 100, dueAt: later },
        ],
      }).success,
    ).toBe(true);
    expect(scheduleProblem([{ untilPage: 301, dueAt: earlier }], 300, later)).toBe("This book has 300 pages");
    expect(scheduleProblem([{ untilPage: 30, dueAt: later }], 300, earlier)).toMatch(/deadline/);
    expect(scheduleProblem([{ untilPage: 30, dueAt: earlier }], 300, later)).toBeNull();
  });
});
