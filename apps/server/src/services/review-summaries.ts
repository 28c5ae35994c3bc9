import { and, bookSummaries, books, type Executor, eq, isNotNull, ratings, sql } from "@booky/db";
import {
  checkCitations,
  extractiveSummary,
  type SummaryContent,
  type SummaryReview,
  summaryContent,
} from "@booky/domain";
import { notFound } from "../errors.js";
import type { LlmClient } from "./llm-client.js";
import { reviewGuardFor } from "./reviews-guard.js";

/** The reviews a summary of the book may quote, oldest first (so the order, and the summary, is stable). */
async function reviewsOf(db: Executor, bookId: string): Promise<SummaryReview[]> {
  const rows = await db
    .select({ id: ratings.id, rating: ratings.halves, text: ratings.bodyText, spoiler: ratings.spoiler })
    .from(ratings)
    .where(and(eq(ratings.bookId, bookId), isNotNull(ratings.bodyText)))
    .orderBy(ratings.createdAt, ratings.id);
  return rows.map((row) => ({ ...row, text: row.text ?? "" }));
}

/**
 * The summary a book's reviews give now: the language model's, when one is
 * configured and its answer survives the citation check, else the built-in
 * extractive one; null below three summarizable reviews.
 */
export async function composeSummary(reviews: SummaryReview[], llm: LlmClient | null): Promise<SummaryContent | null> {
  const extractive = extractiveSummary(reviews);
  if (!extractive || !llm) return extractive;
  const answer = await llm.summarize(reviews).catch(() => null);
  const sentences = answer ? checkCitations(answer, reviews) : [];
  return sentences.length > 0 ? { kind: "abstractive", sentences } : extractive;
}

/**
 * Recomputes and caches a book's summary (the summary job; never a request).
 * A book that fell below three reviews loses its summary.
 */
export async function summarizeBook(db: Executor, bookId: string, llm: LlmClient | null) {
  const reviews = await reviewsOf(db, bookId);
  const content = await composeSummary(reviews, llm);
  if (!content) {
    await db.delete(bookSummaries).where(eq(bookSummaries.bookId, bookId));
    return null;
  }
  const row = { bookId, kind: content.kind, content, reviewCount: reviews.length, computedAt: sql`now()` };
  await db
    .insert(bookSummaries)
    .values(row)
    .onConflictDoUpdate({ target: bookSummaries.bookId, set: row })
    // A book deleted meanwhile has nothing to summarize.
    .catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== "23503") throw error;
    });
  return content.kind;
}

/**
 * The cached summary of a book, or null before it has one (it needs three
 * reviews that are not spoilers). Its quotes are reviews' words: a viewer
 * still reading the book in a meeting gets it withheld (`guard` says why)
 * unless they ask to `reveal` it.
 */
export async function bookSummary(db: Executor, viewerId: string, bookId: string, reveal = false) {
  const [row] = await db
    .select({
      bookId: books.id,
      content: bookSummaries.content,
      reviewCount: bookSummaries.reviewCount,
      computedAt: bookSummaries.computedAt,
    })
    .from(books)
    .leftJoin(bookSummaries, eq(bookSummaries.bookId, books.id))
    .where(eq(books.id, bookId));
  if (!row) throw notFound("No such book");
  if (!row.content || !row.computedAt) return null;
  const summary = { reviewCount: row.reviewCount ?? 0, computedAt: row.computedAt };
  const guard = reveal ? null : (await reviewGuardFor(db, viewerId, [bookId]))(bookId, null);
  if (guard) return { ...summary, content: null, guard };
  return { ...summary, content: summaryContent.parse(row.content), guard: null };
}
