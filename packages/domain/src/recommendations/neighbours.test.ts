import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Interaction, itemNeighbours, mostPopular, ratingWeight, recommend } from "./neighbours.js";

/** Three fantasy readers, two crime readers, and one reader of both who also read the bestseller. */
const data: Interaction[] = [
  ...["ann", "bob", "cat"].flatMap((userId) => [
    { userId, bookId: "dragons", weight: 1 },
    { userId, bookId: "wizards", weight: 1 },
  ]),
  { userId: "ann", bookId: "elves", weight: 1 },
  ...["dan", "eve"].flatMap((userId) => [
    { userId, bookId: "murder", weight: 1 },
    { userId, bookId: "detective", weight: 1 },
  ]),
  ...["ann", "bob", "cat", "dan", "eve"].map((userId) => ({ userId, bookId: "bestseller", weight: 1 })),
  { userId: "dan", bookId: "dragons", weight: 0 },
];

describe("item neighbours", () => {
  it("ranks by cosine: wizards is dragons' nearest, the bestseller below it, crime not at all", () => {
    const neighbours = itemNeighbours(data);
    const ofDragons = neighbours.get("dragons") ?? [];
    expect(ofDragons.map((n) => n.neighbourId)).toEqual(["wizards", "bestseller", "elves"]);
    expect(ofDragons[0]?.score).toBeCloseTo(1, 9);
    // bestseller: 3 shared readers of 5 → 3 / sqrt(3 · 5)
    expect(ofDragons[1]?.score).toBeCloseTo(3 / Math.sqrt(15), 9);
    expect(neighbours.get("murder")?.map((n) => n.neighbourId)).toEqual(["detective", "bestseller"]);
  });

  it("is symmetric and keeps at most k per book", () => {
    const interaction = fc.record({
      userId: fc.constantFrom("a", "b", "c", "d", "e"),
      bookId: fc.constantFrom("1", "2", "3", "4", "5", "6"),
      weight: fc.constantFrom(0, 0.5, 1),
    });
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 40 }), (given) => {
        const neighbours = itemNeighbours(given, 3);
        for (const [book, list] of neighbours) {
          expect(list.length).toBeLessThanOrEqual(3);
          for (const { neighbourId, score } of list) {
            expect(neighbourId).not.toBe(book);
            const full = itemNeighbours(given).get(neighbourId) ?? [];
            expect(full.find((n) => n.neighbourId === book)?.score).toBeCloseTo(score, 9);
          }
        }
      }),
    );
  });
});

describe("recommendations", () => {
  it("sums the liked books' neighbours, names the strongest reason and never returns an excluded book", () => {
    const neighbours = itemNeighbours(data);
    const picks = recommend(
      [{ bookId: "dragons", weight: 1 }],
      (id) => neighbours.get(id) ?? [],
      new Set(["dragons", "bestseller"]),
      10,
    );
    expect(picks.map((p) => [p.bookId, p.becauseOf])).toEqual([
      ["wizards", "dragons"],
      ["elves", "dragons"],
    ]);
  });

  it("popularity counts liked interactions only", () => {
    expect(mostPopular(data, new Set(["bestseller"]), 2)).toEqual(["dragons", "wizards"]);
    expect(ratingWeight(10)).toBe(1);
    expect(ratingWeight(4)).toBe(0);
    expect(ratingWeight(7)).toBe(0.5);
  });
});
