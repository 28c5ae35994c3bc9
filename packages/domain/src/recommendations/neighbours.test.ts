import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Interaction, itemNeighbours, mostPopular, ratingWeight, recommend, SHRINKAGE } from "./neighbours.js";

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
  it("ranks by shrunk cosine: wizards is dragons' nearest, the bestseller below it, crime not at all", () => {
    const neighbours = itemNeighbours(data);
    const ofDragons = neighbours.get("dragons") ?? [];
    expect(ofDragons.map((n) => n.neighbourId)).toEqual(["wizards", "bestseller", "elves"]);
    // wizards: the same 3 readers → cosine 1, shrunk by 3 / (3 + 20)
    expect(ofDragons[0]?.score).toBeCloseTo(3 / (3 + SHRINKAGE), 9);
    // bestseller: 3 shared readers of 5 → 3 / sqrt(3 · 5), shrunk by 3 / (3 + 20)
    expect(ofDragons[1]?.score).toBeCloseTo((3 / Math.sqrt(15)) * (3 / (3 + SHRINKAGE)), 9);
    // elves: 1 shared reader of 1 → 1 / sqrt(3 · 1), shrunk by 1 / (1 + 20)
    expect(ofDragons[2]?.score).toBeCloseTo((1 / Math.sqrt(3)) * (1 / (1 + SHRINKAGE)), 9);
    expect(neighbours.get("murder")?.map((n) => n.neighbourId)).toEqual(["detective", "bestseller"]);
  });

  it("a pair one reader happens to share does not outrank a pair three readers share", () => {
    // saga: 4 readers. novella: only r1, who also read saga (cosine 1 / sqrt(4 · 1) = 0.5).
    // epic: r1–r3 of saga plus 20 more (cosine 3 / sqrt(4 · 23) ≈ 0.31): lower, but three shared readers.
    const readers = (ids: string[], bookId: string) => ids.map((userId) => ({ userId, bookId, weight: 1 }));
    const neighbours = itemNeighbours([
      ...readers(["r1", "r2", "r3", "r4"], "saga"),
      ...readers(["r1"], "novella"),
      ...readers(["r1", "r2", "r3", ...Array.from({ length: 20 }, (_, i) => `e${i}`)], "epic"),
    ]);
    const ofSaga = neighbours.get("saga") ?? [];
    expect(ofSaga.map((n) => n.neighbourId)).toEqual(["epic", "novella"]);
    expect(ofSaga[0]?.score).toBeCloseTo((3 / Math.sqrt(92)) * (3 / 23), 9);
    expect(ofSaga[1]?.score).toBeCloseTo(0.5 * (1 / 21), 9);
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
