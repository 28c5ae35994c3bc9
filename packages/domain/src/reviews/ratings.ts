/**
 * A rating is 0.5 to 5 stars in half steps, stored as a whole number of
 * half-stars (1 to 10) so sums and histograms are exact integers.
 */
export const RATING_HALVES_MIN = 1;
export const RATING_HALVES_MAX = 10;
/** The ten half-steps, lowest first: the histogram's buckets. */
export const RATING_STEPS = Array.from({ length: RATING_HALVES_MAX }, (_, index) => index + 1);

/** The count, sum and histogram of a book's ratings: enough for the mean, and exact under any order of changes. */
export interface RatingAggregate {
  count: number;
  sumHalves: number;
  /** `histogram[h - 1]` ratings of `h` half-stars. */
  histogram: number[];
}

export const emptyAggregate = (): RatingAggregate => ({
  count: 0,
  sumHalves: 0,
  histogram: RATING_STEPS.map(() => 0),
});

export const isRatingHalves = (value: number) =>
  Number.isInteger(value) && value >= RATING_HALVES_MIN && value <= RATING_HALVES_MAX;

/**
 * The aggregate after one member's rating went from `before` to `after`
 * (null: no rating), e.g. a first rating (null → 8), a re-rating (8 → 3) or
 * a deletion (3 → null).
 */
export function applyRatingChange(
  aggregate: RatingAggregate,
  before: number | null,
  after: number | null,
): RatingAggregate {
  const histogram = [...aggregate.histogram];
  let { count, sumHalves } = aggregate;
  if (before !== null) {
    histogram[before - 1] = (histogram[before - 1] ?? 0) - 1;
    count -= 1;
    sumHalves -= before;
  }
  if (after !== null) {
    histogram[after - 1] = (histogram[after - 1] ?? 0) + 1;
    count += 1;
    sumHalves += after;
  }
  return { count, sumHalves, histogram };
}

/** The aggregate of a set of ratings, counted from scratch. */
export function aggregateOf(ratings: readonly number[]): RatingAggregate {
  return ratings.reduce<RatingAggregate>((sum, halves) => applyRatingChange(sum, null, halves), emptyAggregate());
}

/** The mean in stars (0.5 to 5), to two decimals; null without ratings. */
export function meanStars(aggregate: Pick<RatingAggregate, "count" | "sumHalves">): number | null {
  if (aggregate.count === 0) return null;
  return Math.round((aggregate.sumHalves / aggregate.count / 2) * 100) / 100;
}

export const starsOf = (halves: number) => halves / 2;

/** Reviews rated 3.5 stars or more say what readers liked; 2.5 or less what they did not; 3 stars is neither. */
export function sentimentOf(halves: number): "liked" | "disliked" | null {
  if (halves >= 7) return "liked";
  if (halves <= 5) return "disliked";
  return null;
}

/** A summary is built in (extractive quotes) or written by the configured language model, citing reviews. */
export const REVIEW_SUMMARY_KINDS = ["extractive", "abstractive"] as const;
export type ReviewSummaryKind = (typeof REVIEW_SUMMARY_KINDS)[number];
