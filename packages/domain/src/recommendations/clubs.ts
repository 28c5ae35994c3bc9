import type { Recommendation } from "./neighbours.js";

/** How close a book is to a member's taste, and the member's own book it comes from (null: it is theirs). */
export interface BookAffinity {
  weight: number;
  becauseOf: string | null;
}

/** A club the member could join: the books its meetings read and how many of the member's friends belong. */
export interface ClubCandidate {
  clubId: string;
  bookIds: readonly string[];
  friends: number;
}

/** What one friend in a club counts for, against a book the member loved (1). */
export const FRIEND_WEIGHT = 0.5;

export type ClubReason =
  | { kind: "book"; bookId: string; becauseOf: string | null }
  | { kind: "friends"; count: number };

export interface ClubRecommendation {
  clubId: string;
  score: number;
  reason: ClubReason;
}

/**
 * The member's affinity to books: their own liked books at their signal's
 * weight, and the books their neighbours recommend at the recommendation's
 * score (a book they liked wins over the same book as a neighbour).
 */
export function bookAffinities(
  own: readonly { bookId: string; weight: number }[],
  recommended: readonly Recommendation[],
): Map<string, BookAffinity> {
  const affinity = new Map<string, BookAffinity>();
  for (const item of recommended) affinity.set(item.bookId, { weight: item.score, becauseOf: item.becauseOf });
  for (const seed of own) if (seed.weight > 0) affinity.set(seed.bookId, { weight: seed.weight, becauseOf: null });
  return affinity;
}

/**
 * "Clubs for you": each club scores the sum of the member's affinity to the
 * distinct books it reads plus FRIEND_WEIGHT per friend among its members;
 * its reason is the largest single part (a book, or the friends). Clubs that
 * score nothing are left out; ties by id.
 */
export function recommendClubs(
  affinity: ReadonlyMap<string, BookAffinity>,
  candidates: readonly ClubCandidate[],
  limit: number,
): ClubRecommendation[] {
  const ranked: ClubRecommendation[] = [];
  for (const club of candidates) {
    let score = 0;
    let best: { part: number; reason: ClubReason } | null = null;
    for (const bookId of new Set(club.bookIds)) {
      const book = affinity.get(bookId);
      if (!book || book.weight <= 0) continue;
      score += book.weight;
      if (!best || book.weight > best.part || (book.weight === best.part && bookId < reasonBook(best.reason))) {
        best = { part: book.weight, reason: { kind: "book", bookId, becauseOf: book.becauseOf } };
      }
    }
    const friendsPart = club.friends * FRIEND_WEIGHT;
    score += friendsPart;
    if (friendsPart > 0 && (!best || friendsPart > best.part)) {
      best = { part: friendsPart, reason: { kind: "friends", count: club.friends } };
    }
    if (best && score > 0) ranked.push({ clubId: club.clubId, score, reason: best.reason });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.clubId < b.clubId ? -1 : 1)).slice(0, limit);
}

const reasonBook = (reason: ClubReason) => (reason.kind === "book" ? reason.bookId : "");
