import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateOf,
  applyRatingChange,
  emptyAggregate,
  isRatingHalves,
  meanStars,
  RATING_STEPS,
  sentimentOf,
} from "./ratings.js";

const halves = fc.integer({ min: 1, max: 10 });
/** A member's next move on a book: rate or re-rate (a number), or delete (null). */
const change = fc.record({ member: fc.integer({ min: 0, max: 7 }), rating: fc.option(halves, { nil: null }) });

describe("rating aggregate", () => {
  it("folding any sequence of rate/re-rate/delete changes equals a recount of the ratings that remain", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const current = new Map<number, number>();
        let aggregate = emptyAggregate();
        for (const { member, rating } of changes) {
          const before = current.get(member) ?? null;
          aggregate = applyRatingChange(aggregate, before, rating);
          if (rating === null) current.delete(member);
          else current.set(member, rating);
        }
        expect(aggregate).toEqual(aggregateOf([...current.values()]));
        expect(aggregate.histogram.reduce((a, b) => a + b, 0)).toBe(aggregate.count);
        expect(aggregate.histogram.every((bucket) => bucket >= 0)).toBe(true);
      }),
    );
  });

  it("means are in stars, within 0.5 and 5, and null without ratings", () => {
    expect(meanStars(emptyAggregate())).toBeNull();
    expect(meanStars(aggregateOf([10, 9]))).toBe(4.75);
    fc.assert(
      fc.property(fc.array(halves, { minLength: 1 }), (ratings) => {
        const mean = meanStars(aggregateOf(ratings)) ?? 0;
        return mean >= 0.5 && mean <= 5;
      }),
    );
  });

  it("accepts the ten half-steps only", () => {
    expect(RATING_STEPS.filter(isRatingHalves)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([0, 11, 2.5, -1, Number.NaN].some(isRatingHalves)).toBe(false);
  });

  it("splits sentiment at 3 stars", () => {
    expect(RATING_STEPS.map(sentimentOf)).toEqual([
      "disliked",
      "disliked",
      "disliked",
      "disliked",
      "disliked",
      null,
      "liked",
      "liked",
      "liked",
      "liked",
    ]);
  });
});
