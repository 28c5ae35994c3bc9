import {
  bookNeighbours,
  bookRatingStats,
  books,
  type Database,
  desc,
  type Executor,
  eq,
  inArray,
  ratings,
  shelfEntries,
  sql,
} from "@booky/db";
import {
  itemNeighbours,
  NEIGHBOURS_PER_BOOK,
  type Neighbour,
  ratingWeight,
  recommend,
  type recommendationsInput,
  starsOf,
} from "@booky/domain";
import type { z } from "zod";
import { definePager } from "./pagination.js";

/** Rows per insert when the neighbours table is rewritten. */
const INSERT_BATCH = 1000;
/** A member's most recent ratings that seed their recommendations. */
const SEEDS = 100;
/** How far down the ranked list recommendations page. */
const RANKED_MAX = 100;

/**
 * The nightly job: every book's nearest neighbours from all ratings,
 * replacing the table in one transaction (readers see the old or the new
 * table, never half of one). Returns what it did and what it took.
 */
export async function computeBookNeighbours(db: Database) {
  const started = performance.now();
  const interactions = (
    await db.select({ userId: ratings.userId, bookId: ratings.bookId, halves: ratings.halves }).from(ratings)
  ).map((row) => ({ userId: row.userId, bookId: row.bookId, weight: ratingWeight(row.halves) }));
  const neighbours = itemNeighbours(interactions, NEIGHBOURS_PER_BOOK);
  const rows = [...neighbours].flatMap(([bookId, list]) =>
    list.map((neighbour, index) => ({
      bookId,
      neighbourId: neighbour.neighbourId,
      score: neighbour.score,
      rank: index + 1,
    })),
  );
  await db.transaction(async (tx) => {
    await tx.delete(bookNeighbours);
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(bookNeighbours).values(rows.slice(start, start + INSERT_BATCH));
    }
  });
  return {
    ratings: interactions.length,
    books: neighbours.size,
    pairs: rows.length,
    ms: Math.round(performance.now() - started),
    heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

const pager = definePager({ list: "recommendations.forMe", order: "asc", key: "none", id: "offset" });

const bookColumns = { id: books.id, title: books.title, authors: books.authors, coverUrl: books.coverUrl };

/**
 * "Books for you": the neighbours (precomputed, an index lookup) of the
 * books the member rated highly, minus everything they rated, each with
 * the rating it comes from; without such ratings, the books most members
 * rated (cold start), with that as the reason.
 */
export async function recommendationsFor(db: Executor, userId: string, input: z.output<typeof recommendationsInput>) {
  const mine = await db
    .select({ bookId: ratings.bookId, halves: ratings.halves })
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .orderBy(desc(ratings.updatedAt))
    .limit(SEEDS);
  // Never what they rated or have on a shelf (any status).
  const shelved = await db
    .select({ bookId: shelfEntries.bookId })
    .from(shelfEntries)
    .where(eq(shelfEntries.userId, userId));
  const exclude = new Set([...mine.map((row) => row.bookId), ...shelved.map((row) => row.bookId)]);
  const seeds = mine
    .map((row) => ({ bookId: row.bookId, weight: ratingWeight(row.halves) }))
    .filter((s) => s.weight > 0);
  const stored = seeds.length
    ? await db
        .select({ bookId: bookNeighbours.bookId, neighbourId: bookNeighbours.neighbourId, score: bookNeighbours.score })
        .from(bookNeighbours)
        .where(
          inArray(
            bookNeighbours.bookId,
            seeds.map((seed) => seed.bookId),
          ),
        )
    : [];
  const byBook = new Map<string, Neighbour[]>();
  for (const row of stored) byBook.set(row.bookId, [...(byBook.get(row.bookId) ?? []), row]);
  const ranked: { bookId: string; becauseOf: string | null }[] = recommend(
    seeds,
    (bookId) => byBook.get(bookId) ?? [],
    exclude,
    RANKED_MAX,
  );
  if (ranked.length === 0) {
    const popular = await db
      .select({ bookId: bookRatingStats.bookId })
      .from(bookRatingStats)
      .where(sql`${bookRatingStats.count} > 0`)
      .orderBy(desc(bookRatingStats.count), bookRatingStats.bookId)
      .limit(RANKED_MAX + exclude.size);
    ranked.push(
      ...popular.filter((row) => !exclude.has(row.bookId)).map((row) => ({ bookId: row.bookId, becauseOf: null })),
    );
  }

  // The cursor names the last position shown; the page starts after it.
  const last = pager.decode(input.cursor);
  const offset = last ? Number(last.id) + 1 : 0;
  const window = ranked.slice(offset, offset + input.limit + 1);
  const ids = [...new Set(window.flatMap((item) => [item.bookId, ...(item.becauseOf ? [item.becauseOf] : [])]))];
  const found = ids.length ? await db.select(bookColumns).from(books).where(inArray(books.id, ids)) : [];
  const bookOf = new Map(found.map((book) => [book.id, book]));
  const ratingOf = new Map(mine.map((row) => [row.bookId, row.halves]));
  const items = window.flatMap((item, index) => {
    const book = bookOf.get(item.bookId);
    if (!book) return [];
    const because = item.becauseOf ? bookOf.get(item.becauseOf) : undefined;
    return [
      {
        position: offset + index,
        book,
        reason: because
          ? { kind: "rated" as const, book: because, stars: starsOf(ratingOf.get(because.id) ?? 0) }
          : { kind: "popular" as const },
      },
    ];
  });
  return pager.page(items, input.limit, (item) => ({ key: null, id: String(item.position) }));
}
