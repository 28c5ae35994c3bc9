import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookAffinities, FRIEND_WEIGHT, recommendClubs } from "./clubs.js";

describe("clubs for you", () => {
  const affinity = bookAffinities(
    [
      { bookId: "dune", weight: 1 },
      { bookId: "emma", weight: 0 },
    ],
    [
      { bookId: "hyperion", score: 0.8, becauseOf: "dune" },
      { bookId: "dune", score: 0.3, becauseOf: "hyperion" },
    ],
  );

  it("a book the member liked wins over the same book as a neighbour; no signal is no affinity", () => {
    expect(affinity.get("dune")).toEqual({ weight: 1, becauseOf: null });
    expect(affinity.get("hyperion")).toEqual({ weight: 0.8, becauseOf: "dune" });
    expect(affinity.has("emma")).toBe(false);
  });

  it("sums the club's books and friends, names the largest part, leaves out clubs that score nothing", () => {
    const ranked = recommendClubs(
      affinity,
      [
        { clubId: "sf", bookIds: ["dune", "hyperion", "dune"], friends: 0 },
        { clubId: "near", bookIds: ["hyperion"], friends: 0 },
        { clubId: "pals", bookIds: ["emma"], friends: 3 },
        { clubId: "austen", bookIds: ["emma"], friends: 0 },
      ],
      10,
    );
    expect(ranked).toEqual([
      { clubId: "sf", score: 1.8, reason: { kind: "book", bookId: "dune", becauseOf: null } },
      { clubId: "pals", score: 3 * FRIEND_WEIGHT, reason: { kind: "friends", count: 3 } },
      { clubId: "near", score: 0.8, reason: { kind: "book", bookId: "hyperion", becauseOf: "dune" } },
    ]);
  });

  it("the ranking is total and does not depend on the candidates' order", () => {
    const candidate = fc.record({
      clubId: fc.uuid(),
      bookIds: fc.array(fc.constantFrom("dune", "hyperion", "emma", "other"), { maxLength: 4 }),
      friends: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.clubId, maxLength: 12 }), (clubs) => {
        const forwards = recommendClubs(affinity, clubs, 20);
        expect(recommendClubs(affinity, [...clubs].reverse(), 20)).toEqual(forwards);
        for (let i = 1; i < forwards.length; i++) {
          expect(forwards[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(forwards[i]?.score ?? 0);
        }
        for (const item of forwards) expect(item.score).toBeGreaterThan(0);
      }),
    );
  });
});
