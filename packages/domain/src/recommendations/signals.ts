import type { ReadingStatus } from "../shelves/constants.js";
import { type Interaction, ratingWeight } from "./neighbours.js";

/**
 * A shelf as a taste signal, for books the member did not rate: reading or
 * having read a book says less than a high rating, wanting to read it less
 * again, and giving up on it nothing.
 */
const SHELF_WEIGHTS: Record<ReadingStatus, number> = {
  read: 0.5,
  reading: 0.4,
  want_to_read: 0.25,
  did_not_finish: 0,
};

export const shelfWeight = (status: ReadingStatus) => SHELF_WEIGHTS[status];

/** A rating at least this high (3.5 stars) counts as "loved" when matching readers with each other. */
export const LIKED_HALVES = 7;

/**
 * Everything a member told Booky about books, one signal per member and
 * book: the rating when they rated it (it says more, and may say "no"),
 * else the shelf.
 */
export function tasteSignals(
  rated: readonly { userId: string; bookId: string; halves: number }[],
  shelved: readonly { userId: string; bookId: string; status: ReadingStatus }[],
): Interaction[] {
  const key = (row: { userId: string; bookId: string }) => `${row.userId}\u0000${row.bookId}`;
  const signals = new Map<string, Interaction>();
  for (const row of shelved) {
    signals.set(key(row), { userId: row.userId, bookId: row.bookId, weight: shelfWeight(row.status) });
  }
  for (const row of rated) {
    signals.set(key(row), { userId: row.userId, bookId: row.bookId, weight: ratingWeight(row.halves) });
  }
  return [...signals.values()];
}
