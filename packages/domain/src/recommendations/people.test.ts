import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Interaction } from "./neighbours.js";
import { LIKED_WEIGHT, MIN_SHARED_BOOKS, readersLike } from "./people.js";

const signal = (userId: string, bookId: string, weight: number): Interaction => ({ userId, bookId, weight });

/** Me: loved dune, hyperion, solaris. */
const mine = [signal("me", "dune", 1), signal("me", "hyperion", 1), signal("me", "solaris", 0.5)];
const others = [
  // twin: the same three books, same weights
  ...mine.map((s) => ({ ...s, userId: "twin" })),
  // close: two of mine plus one more
  signal("close", "dune", 1),
  signal("close", "hyperion", 1),
  signal("close", "emma", 1),
  // lukewarm: two shared books, but one only wanted (too weak to count as shared)
  signal("lukewarm", "dune", 1),
  signal("lukewarm", "solaris", 0.25),
  // one: a single shared book is a coincidence
  signal("one", "dune", 1),
];

describe("readers like you", () => {
  it("ranks by cosine among those who liked at least two of the same books, shared books strongest first", () => {
    const matches = readersLike("me", mine, [...others, ...mine], 10);
    expect(matches.map((m) => m.userId)).toEqual(["twin", "close"]);
    expect(matches[0]?.score).toBeCloseTo(1, 9);
    // close: (1 + 1) / (sqrt(2.25) · sqrt(3))
    expect(matches[1]?.score).toBeCloseTo(2 / (1.5 * Math.sqrt(3)), 9);
    expect(matches[0]?.shared).toEqual(["dune", "hyperion", "solaris"]);
    expect(MIN_SHARED_BOOKS).toBe(2);
    expect(LIKED_WEIGHT).toBe(0.5);
  });

  it("the ranking does not depend on the order signals arrive, and scores stay within 0 and 1", () => {
    const row = fc.record({
      userId: fc.constantFrom("me", "a", "b", "c"),
      bookId: fc.constantFrom("1", "2", "3", "4", "5"),
      weight: fc.constantFrom(0, 0.25, 0.5, 1),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.userId}/${r.bookId}`, maxLength: 20 }), (given) => {
        const own = given.filter((r) => r.userId === "me");
        const forwards = readersLike("me", own, given, 10);
        const backwards = readersLike("me", [...own].reverse(), [...given].reverse(), 10);
        expect(backwards).toEqual(forwards);
        for (const match of forwards) {
          expect(match.userId).not.toBe("me");
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1 + 1e-9);
          expect(match.shared.length).toBeGreaterThanOrEqual(MIN_SHARED_BOOKS);
        }
      }),
    );
  });
});
