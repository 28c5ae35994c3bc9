import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { READING_STATUSES } from "../shelves/constants.js";
import { ratingWeight } from "./neighbours.js";
import { shelfWeight, tasteSignals } from "./signals.js";

describe("taste signals", () => {
  it("a shelf says less than a loved rating; giving up says nothing", () => {
    expect(shelfWeight("did_not_finish")).toBe(0);
    for (const status of READING_STATUSES) expect(shelfWeight(status)).toBeLessThan(ratingWeight(10));
    expect(shelfWeight("read")).toBeGreaterThan(shelfWeight("want_to_read"));
  });

  it("one signal per member and book, the rating winning over the shelf", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ user: fc.integer({ min: 0, max: 3 }), book: fc.integer({ min: 0, max: 3 }) })),
        fc.array(
          fc.record({
            user: fc.integer({ min: 0, max: 3 }),
            book: fc.integer({ min: 0, max: 3 }),
            halves: fc.integer({ min: 1, max: 10 }),
          }),
        ),
        (shelf, ratings) => {
          const shelved = shelf.map((row) => ({
            userId: `u${row.user}`,
            bookId: `b${row.book}`,
            status: "read" as const,
          }));
          const rated = ratings.map((row) => ({ userId: `u${row.user}`, bookId: `b${row.book}`, halves: row.halves }));
          const signals = tasteSignals(rated, shelved);
          const keys = signals.map((signal) => `${signal.userId}/${signal.bookId}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const row of rated) {
            const last = rated.filter((other) => other.userId === row.userId && other.bookId === row.bookId).at(-1);
            const signal = signals.find((s) => s.userId === row.userId && s.bookId === row.bookId);
            expect(signal?.weight).toBe(ratingWeight(last?.halves ?? 0));
          }
        },
      ),
    );
  });
});
