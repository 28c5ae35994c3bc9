import { and, bookRatingStats, books, type Executor, eq, ratings, reviewVotes, sql, users } from "@booky/db";
import {
  applyRatingChange,
  type bookReviewsInput,
  meanStars,
  RATING_STEPS,
  type rateBookInput,
  type saveReviewInput,
  type userReviewsInput,
  type voteInput,
} from "@booky/domain";
import type { z } from "zod";
import { forbidden, notFound } from "../errors.js";
import { publicProfileColumns } from "./accounts.js";
import { enqueueSummary } from "./jobs.js";
import { excerptOf, renderMarkdown } from "./markdown.js";
import { definePager, pageRows } from "./pagination.js";

type ReviewFields = Pick<z.output<typeof saveReviewInput>, "title" | "body" | "spoiler" | "startedOn" | "finishedOn">;

/** What a member's rating row becomes; null deletes it. `review` undefined keeps the review as it is. */
type NextRating = { halves: number; review?: ReviewFields } | null;

/** The review columns for a body (rendered once, on write) or none. */
function reviewColumns(review: ReviewFields) {
  const source = review.body ? review.body : null;
  const html = source ? renderMarkdown(source) : null;
  return {
    title: review.title || null,
    body: source,
    bodyHtml: html,
    // The plain text the summaries quote verbatim: what a reader sees, without markup.
    bodyText: html ? excerptOf(html, Number.MAX_SAFE_INTEGER) : null,
    spoiler: review.spoiler,
    startedOn: review.startedOn ?? null,
    finishedOn: review.finishedOn ?? null,
  };
}

/**
 * Locks the book's aggregate row (creating it on the first rating) so every
 * rating change of one book applies after the previous one committed: the
 * aggregate read here is current, and the delta keeps it exact. NOT_FOUND
 * for a book that does not exist.
 */
async function lockAggregate(tx: Executor, bookId: string) {
  await tx.execute(sql`insert into ${bookRatingStats} (book_id)
    select ${books.id} from ${books} where ${books.id} = ${bookId}
    on conflict (book_id) do nothing`);
  const [stats] = await tx.select().from(bookRatingStats).where(eq(bookRatingStats.bookId, bookId)).for("update");
  if (!stats) throw notFound("No such book");
  return stats;
}

/** One member's rating of one book goes to `next`, the aggregate with it, in one transaction. */
function changeRating(db: Executor, userId: string, bookId: string, next: NextRating) {
  return db.transaction(async (tx) => {
    const stats = await lockAggregate(tx, bookId);
    const mine = and(eq(ratings.userId, userId), eq(ratings.bookId, bookId));
    const [before] = await tx.select({ halves: ratings.halves, body: ratings.body }).from(ratings).where(mine);
    if (!before && next === null) throw notFound("You have not rated this book");

    let saved: { id: string; body: string | null } | undefined;
    if (next === null) {
      await tx.delete(ratings).where(mine);
    } else {
      const review = next.review ? reviewColumns(next.review) : {};
      // The review's votes were for its words: they go when the words go.
      const textGone = next.review !== undefined && before?.body != null && !("body" in review && review.body);
      if (textGone)
        await tx.delete(reviewVotes).where(sql`${reviewVotes.reviewId} in (select id from ${ratings} where ${mine})`);
      const changes = {
        halves: next.halves,
        ...review,
        ...(textGone ? { helpfulCount: 0 } : {}),
        updatedAt: sql`now()`,
      };
      [saved] = await tx
        .insert(ratings)
        .values({ userId, bookId, halves: next.halves, ...review })
        .onConflictDoUpdate({ target: [ratings.userId, ratings.bookId], set: changes })
        .returning({ id: ratings.id, body: ratings.body });
    }

    const aggregate = applyRatingChange(stats, before?.halves ?? null, next?.halves ?? null);
    await tx.update(bookRatingStats).set(aggregate).where(eq(bookRatingStats.bookId, bookId));
    // Summaries quote reviews: a change to a reviewed rating (or a new review) asks for a fresh one.
    if (before?.body != null || saved?.body != null) await enqueueSummary(tx, bookId);
    return saved ? await ratingOf(tx, userId, bookId) : null;
  });
}

const ratingColumns = {
  id: ratings.id,
  bookId: ratings.bookId,
  rating: ratings.halves,
  title: ratings.title,
  body: ratings.body,
  bodyHtml: ratings.bodyHtml,
  spoiler: ratings.spoiler,
  startedOn: ratings.startedOn,
  finishedOn: ratings.finishedOn,
  helpfulCount: ratings.helpfulCount,
  createdAt: ratings.createdAt,
  updatedAt: ratings.updatedAt,
};

async function ratingOf(db: Executor, userId: string, bookId: string) {
  const [row] = await db
    .select(ratingColumns)
    .from(ratings)
    .where(and(eq(ratings.userId, userId), eq(ratings.bookId, bookId)));
  return row ?? null;
}

/** Sets the caller's rating, keeping their review (if any) as it is. */
export function rateBook(db: Executor, userId: string, input: z.output<typeof rateBookInput>) {
  return changeRating(db, userId, input.bookId, { halves: input.rating });
}

/** Sets the caller's rating and review; an empty body leaves a rating without a review. */
export function saveReview(db: Executor, userId: string, input: z.output<typeof saveReviewInput>) {
  return changeRating(db, userId, input.bookId, { halves: input.rating, review: input });
}

/** Deletes the caller's rating and review (and the review's votes). */
export async function removeRating(db: Executor, userId: string, bookId: string) {
  await changeRating(db, userId, bookId, null);
  return { removed: true };
}

/** The caller's own rating and review of a book, or null. */
export const myRating = (db: Executor, userId: string, bookId: string) => ratingOf(db, userId, bookId);

/** Count, mean (stars) and the histogram of the ten half-steps (lowest first). */
export async function bookAggregate(db: Executor, bookId: string) {
  const [book] = await db.select({ id: books.id }).from(books).where(eq(books.id, bookId));
  if (!book) throw notFound("No such book");
  const [stats] = await db.select().from(bookRatingStats).where(eq(bookRatingStats.bookId, bookId));
  const histogram = stats?.histogram ?? RATING_STEPS.map(() => 0);
  const count = stats?.count ?? 0;
  return {
    count,
    mean: meanStars({ count, sumHalves: stats?.sumHalves ?? 0 }),
    histogram: RATING_STEPS.map((halves, index) => ({ rating: halves, count: histogram[index] ?? 0 })),
  };
}

const reviewItemColumns = (viewerId: string) => ({
  id: ratings.id,
  bookId: ratings.bookId,
  user: publicProfileColumns,
  rating: ratings.halves,
  title: ratings.title,
  bodyHtml: sql<string>`${ratings.bodyHtml}`,
  spoiler: ratings.spoiler,
  startedOn: ratings.startedOn,
  finishedOn: ratings.finishedOn,
  helpfulCount: ratings.helpfulCount,
  createdAt: ratings.createdAt,
  updatedAt: ratings.updatedAt,
  votedByMe: sql<boolean>`exists (select 1 from ${reviewVotes} v
    where v.review_id = ${ratings.id} and v.user_id = ${viewerId})`,
  mine: sql<boolean>`${ratings.userId} = ${viewerId}`,
});

const helpfulPager = definePager({ list: "reviews.forBook.helpful", order: "desc", key: "int" });
const recentPager = definePager({ list: "reviews.forBook.recent", order: "desc", key: "timestamp" });
const hasReview = sql`${ratings.body} is not null`;

/** A book's reviews (ratings with words), most helpful or most recent first. */
export async function bookReviews(db: Executor, viewerId: string, input: z.output<typeof bookReviewsInput>) {
  const query = () =>
    db.select(reviewItemColumns(viewerId)).from(ratings).innerJoin(users, eq(users.id, ratings.userId)).$dynamic();
  const where = and(eq(ratings.bookId, input.bookId), hasReview);
  if (input.sort === "helpful") {
    const rows = await pageRows(query(), helpfulPager, { key: ratings.helpfulCount, id: ratings.id }, input, where);
    return helpfulPager.page(rows, input.limit, (row) => ({ key: row.helpfulCount, id: row.id }));
  }
  const rows = await pageRows(query(), recentPager, { key: ratings.createdAt, id: ratings.id }, input, where);
  return recentPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const userPager = definePager({ list: "reviews.byUser", order: "desc", key: "timestamp" });

/** A member's reviews, newest first, with the book each is about: their profile's reviews. */
export async function userReviews(db: Executor, viewerId: string, input: z.output<typeof userReviewsInput>) {
  const query = db
    .select({
      ...reviewItemColumns(viewerId),
      book: { id: books.id, title: books.title, authors: books.authors, coverUrl: books.coverUrl },
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.userId))
    .innerJoin(books, eq(books.id, ratings.bookId))
    .$dynamic();
  const rows = await pageRows(
    query,
    userPager,
    { key: ratings.createdAt, id: ratings.id },
    input,
    and(eq(ratings.userId, input.userId), hasReview),
  );
  return userPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/**
 * "This review helped me" (or takes that back). One vote per member and
 * review, kept by the primary key; the review's count moves only when a
 * vote row was really added or removed, in the same transaction.
 */
export function voteReview(db: Executor, userId: string, input: z.output<typeof voteInput>) {
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select({ userId: ratings.userId })
      .from(ratings)
      .where(and(eq(ratings.id, input.reviewId), hasReview))
      .for("update");
    if (!review) throw notFound("No such review");
    if (review.userId === userId) throw forbidden("You cannot vote on your own review");
    const changed = input.helpful
      ? await tx
          .insert(reviewVotes)
          .values({ reviewId: input.reviewId, userId })
          .onConflictDoNothing()
          .returning({ userId: reviewVotes.userId })
      : await tx
          .delete(reviewVotes)
          .where(and(eq(reviewVotes.reviewId, input.reviewId), eq(reviewVotes.userId, userId)))
          .returning({ userId: reviewVotes.userId });
    const delta = changed.length === 0 ? 0 : input.helpful ? 1 : -1;
    const [saved] = await tx
      .update(ratings)
      .set({ helpfulCount: sql`${ratings.helpfulCount} + ${delta}` })
      .where(eq(ratings.id, input.reviewId))
      .returning({ helpfulCount: ratings.helpfulCount });
    return { helpfulCount: saved?.helpfulCount ?? 0, votedByMe: input.helpful };
  });
}
