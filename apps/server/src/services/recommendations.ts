import {
  and,
  arrayOverlaps,
  bookNeighbours,
  bookRatingStats,
  books,
  type Database,
  desc,
  type Executor,
  eq,
  inArray,
  ratings,
  type SQL,
  shelfEntries,
  sql,
} from "@booky/db";
import {
  type Interaction,
  itemNeighbours,
  NEIGHBOURS_PER_BOOK,
  type Neighbour,
  type ReadingStatus,
  type Recommendation,
  recommend,
  type recommendationsInput,
  starsOf,
  tasteSignals,
} from "@booky/domain";
import type { z } from "zod";
import { definePager, type Pager } from "./pagination.js";

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
  // Ratings, and for books a member shelved without rating them, the shelf.
  const interactions = tasteSignals(
    await db.select({ userId: ratings.userId, bookId: ratings.bookId, halves: ratings.halves }).from(ratings),
    await db
      .select({ userId: shelfEntries.userId, bookId: shelfEntries.bookId, status: shelfEntries.status })
      .from(shelfEntries),
  );
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

export type Ranked = { bookId: string; becauseOf: string | null; subject?: string };
type BookColumns = { id: string; title: string; authors: string[]; coverUrl: string | null };

/** Why a book is recommended: the member's rating or shelf it comes from, a subject of theirs, or popularity. */
export function reasonFor(
  item: Ranked,
  because: BookColumns | undefined,
  ratingOf: Map<string, number>,
  shelfOf: Map<string, ReadingStatus>,
) {
  if (because) {
    const halves = ratingOf.get(because.id);
    if (halves !== undefined) return { kind: "rated" as const, book: because, stars: starsOf(halves) };
    return { kind: "shelved" as const, book: because, status: shelfOf.get(because.id) ?? "read" };
  }
  if (item.subject) return { kind: "subject" as const, subject: item.subject };
  return { kind: "popular" as const };
}

/** Subjects of the member's books that lead a cold start, most frequent first. */
const COLD_SUBJECTS = 5;

/**
 * Before any neighbour: the most rated books in the subjects the member's
 * own books have (their shelves may hold books nobody else rated yet), then
 * the most rated books of all. Both read `book_rating_stats` by its count
 * index.
 */
async function coldStart(db: Executor, myBookIds: string[], exclude: ReadonlySet<string>): Promise<Ranked[]> {
  const subjectRows = myBookIds.length
    ? await db.select({ subjects: books.subjects }).from(books).where(inArray(books.id, myBookIds))
    : [];
  const frequency = new Map<string, number>();
  for (const row of subjectRows)
    for (const subject of row.subjects) frequency.set(subject, (frequency.get(subject) ?? 0) + 1);
  const subjects = [...frequency]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, COLD_SUBJECTS)
    .map(([subject]) => subject);
  const popularIn = (condition: SQL | undefined) =>
    db
      .select({ bookId: bookRatingStats.bookId, subjects: books.subjects })
      .from(bookRatingStats)
      .innerJoin(books, eq(books.id, bookRatingStats.bookId))
      .where(and(sql`${bookRatingStats.count} > 0`, condition))
      .orderBy(desc(bookRatingStats.count), bookRatingStats.bookId)
      .limit(RANKED_MAX + exclude.size);
  const inSubjects = subjects.length ? await popularIn(arrayOverlaps(books.subjects, subjects)) : [];
  const ranked: Ranked[] = [];
  const seen = new Set(exclude);
  for (const row of inSubjects) {
    if (seen.has(row.bookId)) continue;
    seen.add(row.bookId);
    ranked.push({ bookId: row.bookId, becauseOf: null, subject: subjects.find((s) => row.subjects.includes(s)) });
  }
  if (ranked.length >= RANKED_MAX) return ranked.slice(0, RANKED_MAX);
  for (const row of await popularIn(undefined)) {
    if (seen.has(row.bookId)) continue;
    seen.add(row.bookId);
    ranked.push({ bookId: row.bookId, becauseOf: null });
  }
  return ranked.slice(0, RANKED_MAX);
}

const pager = definePager({ list: "recommendations.forMe", order: "asc", key: "none", id: "offset" });

/**
 * One page of a ranked list computed in the request: the cursor names the
 * last position shown, the page starts after it (one more item than the
 * limit, so the pager knows whether there is a next page).
 */
export function windowOf<T>(
  rankedPager: Pager<"none">,
  ranked: readonly T[],
  input: { cursor?: string | null | undefined; limit: number },
) {
  const last = rankedPager.decode(input.cursor);
  const offset = last ? Number(last.id) + 1 : 0;
  return { offset, window: ranked.slice(offset, offset + input.limit + 1) };
}

/** The cursor of an item of a ranked list: its position. */
export const byPosition = (item: { position: number }) => ({ key: null, id: String(item.position) });

export const bookColumns = { id: books.id, title: books.title, authors: books.authors, coverUrl: books.coverUrl };

/**
 * What a member told Booky about books: their recent ratings, their shelves,
 * every book they rated or shelved (never recommended back), and the taste
 * signals that seed recommendations.
 */
export async function tasteOf(db: Executor, userId: string) {
  const mine = await db
    .select({ userId: ratings.userId, bookId: ratings.bookId, halves: ratings.halves })
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .orderBy(desc(ratings.updatedAt))
    .limit(SEEDS);
  // Never what they rated or have on a shelf (any status).
  const shelved = await db
    .select({ userId: shelfEntries.userId, bookId: shelfEntries.bookId, status: shelfEntries.status })
    .from(shelfEntries)
    .where(eq(shelfEntries.userId, userId))
    .orderBy(desc(shelfEntries.updatedAt));
  const exclude = new Set([...mine.map((row) => row.bookId), ...shelved.map((row) => row.bookId)]);
  const seeds = tasteSignals(mine, shelved.slice(0, SEEDS)).filter((seed) => seed.weight > 0);
  return { mine, shelved, exclude, seeds };
}

/** The sum of the stored neighbours (an index lookup) of the seeds, minus `exclude`, best first. */
export async function neighbourPicks(
  db: Executor,
  seeds: readonly Interaction[],
  exclude: ReadonlySet<string>,
): Promise<Recommendation[]> {
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
  return recommend(seeds, (bookId) => byBook.get(bookId) ?? [], exclude, RANKED_MAX);
}

/**
 * "Books for you": the neighbours (precomputed, an index lookup) of the
 * books the member rated highly or shelved, minus everything they rated or
 * shelved, each with the rating or shelf it comes from. Cold start: popular
 * books in the subjects of the member's books, then the books most members
 * rated, each with that as the reason.
 */
export async function recommendationsFor(db: Executor, userId: string, input: z.output<typeof recommendationsInput>) {
  const { mine, shelved, exclude, seeds } = await tasteOf(db, userId);
  const ranked: Ranked[] = await neighbourPicks(db, seeds, exclude);
  if (ranked.length === 0) ranked.push(...(await coldStart(db, [...exclude], exclude)));

  const { offset, window } = windowOf(pager, ranked, input);
  const ids = [...new Set(window.flatMap((item) => [item.bookId, ...(item.becauseOf ? [item.becauseOf] : [])]))];
  const found = ids.length ? await db.select(bookColumns).from(books).where(inArray(books.id, ids)) : [];
  const bookOf = new Map(found.map((book) => [book.id, book]));
  const ratingOf = new Map(mine.map((row) => [row.bookId, row.halves]));
  const shelfOf = new Map(shelved.map((row) => [row.bookId, row.status]));
  const items = window.flatMap((item, index) => {
    const book = bookOf.get(item.bookId);
    if (!book) return [];
    const because = item.becauseOf ? bookOf.get(item.becauseOf) : undefined;
    return [
      {
        position: offset + index,
        book,
        reason: reasonFor(item, because, ratingOf, shelfOf),
      },
    ];
  });
  return pager.page(items, input.limit, byPosition);
}
