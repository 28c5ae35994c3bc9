import { bookSummaries, eq, ratings, sql } from "@booky/db";
import { describe, expect, it, vi } from "vitest";
import { removeRating } from "../src/services/reviews.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { reviewedBook } from "./reviews-support.js";

const server = await startTestServer({ jobs: true });

const REVIEWS = [
  { rating: 9, body: "The world building is rich and strange. I read it on a long train ride." },
  { rating: 10, body: "Rich **world building** and strange politics make it special. My cat liked the cover." },
  { rating: 8, body: "The world building felt rich and the politics strange and real." },
  { rating: 3, body: "The pacing is glacial and the middle drags on forever." },
];

/** Polls until no summary job for the book is queued or running (graphile-worker deletes a job that succeeded). */
async function summaryJobDone(bookId: string) {
  await waitFor(async () => {
    const rows = await server.db.execute(sql`select 1 from graphile_worker.jobs where key = ${`summarize:${bookId}`}`);
    expect(rows).toHaveLength(0);
  });
}

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 20_000, interval: 200 });

describe("review summaries (built in)", () => {
  it("appear with three reviews, quote them verbatim with links, and leave spoiler-flagged reviews out", async () => {
    const spoiler = { rating: 10, body: "The world building collapses when the queen is murdered.", spoiler: true };
    const { book, saved, reader } = await reviewedBook(server, [...REVIEWS.slice(0, 2), spoiler]);
    // Two summarizable reviews: the job runs, but there is no summary.
    await summaryJobDone(book.id);
    expect(await reader.client.trpc.reviews.summary.query({ bookId: book.id })).toBeNull();

    for (const review of REVIEWS.slice(2)) {
      const member = await signedUpClient(server);
      saved.push(await member.client.trpc.reviews.save.mutate({ bookId: book.id, ...review, spoiler: false }));
    }
    const summary = await waitFor(async () => {
      const found = await reader.client.trpc.reviews.summary.query({ bookId: book.id });
      if (!found) throw new Error("no summary yet");
      return found;
    });
    expect(summary.content.kind).toBe("extractive");
    if (summary.content.kind !== "extractive") return;
    const texts = new Map(
      (await server.db.select().from(ratings).where(eq(ratings.bookId, book.id))).map((r) => [r.id, r]),
    );
    const quotes = [...summary.content.liked, ...summary.content.disliked];
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const quote of quotes) {
      const source = texts.get(quote.reviewId);
      expect(source?.spoiler).toBe(false);
      expect(source?.bodyText).toContain(quote.text);
    }
    expect(quotes.some((quote) => quote.text.includes("queen"))).toBe(false);
    expect(summary.content.disliked.map((quote) => quote.reviewId)).toEqual([saved[4]?.id]);
    // Markdown is quoted as read: "Rich world building", never "**world building**".
    expect(quotes.some((quote) => quote.text.includes("*"))).toBe(false);
  });

  it("is recomputed when reviews change, and goes when fewer than three remain", async () => {
    const { book, reader } = await reviewedBook(server, REVIEWS.slice(0, 3));
    const first = await waitFor(async () => {
      const found = await reader.client.trpc.reviews.summary.query({ bookId: book.id });
      if (!found) throw new Error("no summary yet");
      return found;
    });
    expect(first.reviewCount).toBe(3);
    const [one] = await server.db.select().from(ratings).where(eq(ratings.bookId, book.id)).limit(1);
    await removeRating(server.db, one?.userId ?? "", book.id);
    await waitFor(async () =>
      expect(await server.db.select().from(bookSummaries).where(eq(bookSummaries.bookId, book.id))).toEqual([]),
    );
    expect(await reader.client.trpc.reviews.summary.query({ bookId: book.id })).toBeNull();
  });
});
