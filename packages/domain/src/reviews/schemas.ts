import { z } from "zod";
import { bookIdInput } from "../books/schemas.js";
import { text } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { RATING_HALVES_MAX, RATING_HALVES_MIN } from "./ratings.js";

export const REVIEW_SORTS = ["helpful", "recent"] as const;
export const REVIEW_TITLE_MAX = 200;
export const REVIEW_BODY_MAX = 10_000;

export const reviewIdInput = z.object({ reviewId: z.uuid("Not a review id") });

/** Half-stars: 1 (half a star) to 10 (five stars). */
export const ratingHalves = z
  .int("Ratings are in half stars")
  .min(RATING_HALVES_MIN, "Ratings start at half a star")
  .max(RATING_HALVES_MAX, "Ratings go up to five stars");

const isoDate = z.iso.date("A date like 2026-01-31");

export const rateBookInput = bookIdInput.extend({ rating: ratingHalves });

/** A rating with its review: title and body optional (a body without a title is fine), dates read optional. */
export const saveReviewInput = rateBookInput
  .extend({
    title: text().max(REVIEW_TITLE_MAX, `At most ${REVIEW_TITLE_MAX} characters`).nullish(),
    body: text().max(REVIEW_BODY_MAX, `At most ${REVIEW_BODY_MAX} characters`).nullish(),
    spoiler: z.boolean().default(false),
    startedOn: isoDate.nullish(),
    finishedOn: isoDate.nullish(),
  })
  .refine((value) => !value.startedOn || !value.finishedOn || value.startedOn <= value.finishedOn, {
    path: ["finishedOn"],
    message: "Finished before it was started",
  });

export const bookReviewsInput = bookIdInput.extend(pageInput.shape).extend({
  sort: z.enum(REVIEW_SORTS).default("helpful"),
});

export const userReviewsInput = pageInput.extend({ userId: z.uuid("Not a member id") });

export const voteInput = reviewIdInput.extend({ helpful: z.boolean() });
