import {
  bookIdInput,
  bookReviewsInput,
  rateBookInput,
  saveReviewInput,
  userReviewsInput,
  voteInput,
} from "@booky/domain";
import { bookSummary } from "../services/review-summaries.js";
import {
  bookAggregate,
  bookReviews,
  myRating,
  rateBook,
  removeRating,
  saveReview,
  userReviews,
  voteReview,
} from "../services/reviews.js";
import { authedProcedure, router } from "../trpc.js";

export const reviewsRouter = router({
  /** Rates a book (half-stars, 1–10), keeping the caller's review as it is. */
  rate: authedProcedure.input(rateBookInput).mutation(({ ctx, input }) => rateBook(ctx.db, ctx.user.id, input)),

  /** Rates and reviews a book; the author edits by saving again. */
  save: authedProcedure.input(saveReviewInput).mutation(({ ctx, input }) => saveReview(ctx.db, ctx.user.id, input)),

  /** Deletes the caller's rating and review. */
  remove: authedProcedure
    .input(bookIdInput)
    .mutation(({ ctx, input }) => removeRating(ctx.db, ctx.user.id, input.bookId)),

  mine: authedProcedure.input(bookIdInput).query(({ ctx, input }) => myRating(ctx.db, ctx.user.id, input.bookId)),

  /** Count, mean and histogram of the ten half-steps. */
  aggregate: authedProcedure.input(bookIdInput).query(({ ctx, input }) => bookAggregate(ctx.db, input.bookId)),

  /** A book's reviews, most helpful or most recent first. */
  forBook: authedProcedure.input(bookReviewsInput).query(({ ctx, input }) => bookReviews(ctx.db, ctx.user.id, input)),

  /** A member's reviews, newest first (their profile). */
  byUser: authedProcedure.input(userReviewsInput).query(({ ctx, input }) => userReviews(ctx.db, ctx.user.id, input)),

  /** Marks a review helpful (or takes it back); never one's own. */
  vote: authedProcedure.input(voteInput).mutation(({ ctx, input }) => voteReview(ctx.db, ctx.user.id, input)),

  /** The book's cached summary (extractive or abstractive), or null before it has one. */
  summary: authedProcedure.input(bookIdInput).query(({ ctx, input }) => bookSummary(ctx.db, input.bookId)),
});
