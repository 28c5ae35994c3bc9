import { bookRatingStats, eq, ratings, reviewVotes, sql } from "@booky/db";
import { aggregateOf } from "@booky/domain";
import { expect } from "vitest";
import { catalogBook } from "./catalog.js";
import { signedUpClient, type TestServer } from "./harness.js";

/** Everything the reviews domain stores about a book: compared before and after a refused call. */
export async function reviewState(server: TestServer, bookId: string) {
  return Promise.all([
    server.db.select().from(ratings).where(eq(ratings.bookId, bookId)).orderBy(ratings.id),
    server.db
      .select()
      .from(reviewVotes)
      .where(sql`${reviewVotes.reviewId} in (select id from ${ratings} where ${ratings.bookId} = ${bookId})`)
      .orderBy(reviewVotes.reviewId, reviewVotes.userId),
    server.db.select().from(bookRatingStats).where(eq(bookRatingStats.bookId, bookId)),
  ]);
}

/** The stored aggregate equals a recount of the book's ratings. */
export async function expectAggregateExact(server: TestServer, bookId: string) {
  const rows = await server.db.select({ halves: ratings.halves }).from(ratings).where(eq(ratings.bookId, bookId));
  const [stats] = await server.db.select().from(bookRatingStats).where(eq(bookRatingStats.bookId, bookId));
  const recount = aggregateOf(rows.map((row) => row.halves));
  expect({
    count: stats?.count ?? 0,
    sumHalves: stats?.sumHalves ?? 0,
    histogram: stats?.histogram ?? recount.histogram,
  }).toEqual(recount);
  return recount;
}

/** Members who review `book` through the API, one review each. */
export async function reviewedBook(target: TestServer, reviews: { rating: number; body: string; spoiler?: boolean }[]) {
  const book = await catalogBook(target);
  const saved = [];
  for (const review of reviews) {
    const member = await signedUpClient(target);
    saved.push(
      await member.client.trpc.reviews.save.mutate({
        bookId: book.id,
        rating: review.rating,
        body: review.body,
        spoiler: review.spoiler ?? false,
      }),
    );
  }
  return { book, saved, reader: await signedUpClient(target) };
}
