import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosine, lexRank, tfIdfVectors } from "./lexrank.js";
import { sentimentOf } from "./ratings.js";
import { checkCitations, extractiveSummary, type SummaryReview } from "./summary.js";
import { splitSentences } from "./text.js";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const WORDS = ["dragon", "pacing", "ending", "prose", "characters", "plot", "world", "slow", "lovely", "dull", "twist"];
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 })
  .map((words) => `The ${words.join(" ")}.`);
const review = (n: number) =>
  fc.record({
    id: fc.constant(id(n)),
    rating: fc.integer({ min: 1, max: 10 }),
    text: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" ")),
    spoiler: fc.boolean(),
  });
const reviews = fc
  .integer({ min: 0, max: 12 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, n) => review(n)))) as fc.Arbitrary<SummaryReview[]>;

describe("extractive summary", () => {
  it("quotes only verbatim sentences, never from spoiler-flagged reviews, grouped by the review's rating", () => {
    fc.assert(
      fc.property(reviews, (given) => {
        const summary = extractiveSummary(given);
        const usable = given.filter((r) => !r.spoiler);
        if (usable.length < 3) return summary === null;
        const byId = new Map(given.map((r) => [r.id, r]));
        for (const [group, quotes] of [
          ["liked", summary?.liked ?? []],
          ["disliked", summary?.disliked ?? []],
        ] as const) {
          expect(quotes.length).toBeLessThanOrEqual(3);
          expect(new Set(quotes.map((q) => q.reviewId)).size).toBe(quotes.length);
          for (const quote of quotes) {
            const source = byId.get(quote.reviewId);
            expect(source?.spoiler).toBe(false);
            expect(source?.text.includes(quote.text)).toBe(true);
            expect(sentimentOf(source?.rating ?? 6)).toBe(group);
            expect(quote.rating).toBe(source?.rating);
          }
        }
        return true;
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(reviews, (given) => {
        expect(extractiveSummary(given)).toEqual(extractiveSummary(given));
      }),
    );
  });

  it("quotes the theme the reviews share, not the asides, and no spoiler", () => {
    const summary = extractiveSummary([
      { id: id(1), rating: 10, spoiler: false, text: "The world building is rich and strange. I read it on a train." },
      { id: id(2), rating: 9, spoiler: false, text: "Rich world building and strange politics. My cat sat on it." },
      { id: id(3), rating: 8, spoiler: false, text: "The world building felt rich, the politics strange and real." },
      { id: id(4), rating: 2, spoiler: false, text: "The pacing is glacial and the middle drags on forever." },
      { id: id(5), rating: 10, spoiler: true, text: "The world building dies when the king is murdered." },
    ]);
    // The shared theme wins over the asides; once one "world building" sentence is in, its near-repeats are not.
    expect(summary?.liked.length).toBeGreaterThan(0);
    expect(summary?.liked.every((q) => q.text.includes("world building"))).toBe(true);
    expect(summary?.liked.some((q) => q.text.includes("train") || q.text.includes("cat"))).toBe(false);
    expect(summary?.liked.some((q) => q.reviewId === id(5))).toBe(false);
    expect(summary?.disliked).toEqual([
      { reviewId: id(4), rating: 2, text: "The pacing is glacial and the middle drags on forever." },
    ]);
  });

  it("waits for three reviews that are not spoilers", () => {
    const two = [1, 2].map((n) => ({
      id: id(n),
      rating: 8,
      spoiler: false,
      text: "A fine and lovely read all through.",
    }));
    expect(extractiveSummary(two)).toBeNull();
    expect(extractiveSummary([...two, { ...two[0], id: id(3), spoiler: true } as SummaryReview])).toBeNull();
  });
});

describe("LexRank", () => {
  it("scores sum to one and the most shared sentence ranks first", () => {
    const vectors = tfIdfVectors([["a", "b"], ["a", "b", "c"], ["a", "c"], ["z"]]);
    const scores = lexRank(vectors);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
    expect(cosine(vectors[0] ?? new Map(), vectors[3] ?? new Map())).toBe(0);
  });

  it("splits sentences without changing them", () => {
    const text = "Dr. Who? No, Mr. Smith wrote it. It was 3.5 stars!  Fine…";
    const parts = splitSentences(text);
    expect(parts.every((part) => text.includes(part))).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(3);
  });
});

describe("citation check", () => {
  const given: SummaryReview[] = [
    { id: id(1), rating: 9, spoiler: false, text: "The dragon scenes are thrilling and the prose sings." },
    { id: id(2), rating: 3, spoiler: false, text: "Slow pacing ruined the middle for me." },
    { id: id(3), rating: 8, spoiler: true, text: "The dragon dies and the prose mourns it." },
  ];

  it("keeps supported citations, drops unknown, spoiler and unsupported ones, and sentences citing nothing", () => {
    expect(
      checkCitations(
        [
          { text: "Readers found the dragon scenes thrilling.", reviewIds: [id(1), id(2), id(9)] },
          { text: "Some thought the pacing slow.", reviewIds: [id(2)] },
          { text: "The prose about the dragon mourns.", reviewIds: [id(3)] },
          { text: "Everyone loved the romance subplot.", reviewIds: [id(1)] },
        ],
        given,
      ),
    ).toEqual([
      { text: "Readers found the dragon scenes thrilling.", reviewIds: [id(1)] },
      { text: "Some thought the pacing slow.", reviewIds: [id(2)] },
    ]);
  });
});
