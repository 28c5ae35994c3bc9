import { type Interaction, ratingWeight } from "./neighbours.js";
import { LIKED_HALVES } from "./signals.js";

/** A signal at least this strong (a 3.5-star rating, or a book shelved as read) is a book the member liked. */
export const LIKED_WEIGHT = ratingWeight(LIKED_HALVES);

/** Two readers are alike only when they liked at least this many of the same books (one is a coincidence). */
export const MIN_SHARED_BOOKS = 2;

/** The books a member liked, from their taste signals. */
export function likedBooks(signals: readonly Interaction[]): string[] {
  return signals.filter((signal) => signal.weight >= LIKED_WEIGHT).map((signal) => signal.bookId);
}

export interface ReaderMatch {
  userId: string;
  /** Cosine of the two members' taste vectors, 0 to 1. */
  score: number;
  /** The books both liked, the strongest shared signal first. */
  shared: string[];
}

function vectorsOf(interactions: readonly Interaction[]) {
  const byUser = new Map<string, Map<string, number>>();
  for (const { userId, bookId, weight } of interactions) {
    if (weight <= 0) continue;
    const vector = byUser.get(userId) ?? new Map<string, number>();
    vector.set(bookId, weight);
    byUser.set(userId, vector);
  }
  return byUser;
}

const normOf = (vector: ReadonlyMap<string, number>) => Math.sqrt([...vector.values()].reduce((s, w) => s + w * w, 0));

/**
 * "Readers like you": other members ranked by the cosine of their taste
 * signals (`tasteSignals`) with the member's, among those who liked at least
 * MIN_SHARED_BOOKS of the books the member liked. Ties by id, so the ranking
 * is deterministic. `others` may hold the member too; they are left out.
 */
export function readersLike(
  userId: string,
  mine: readonly Interaction[],
  others: readonly Interaction[],
  limit: number,
): ReaderMatch[] {
  const me = vectorsOf(mine).get(userId) ?? new Map<string, number>();
  const myNorm = normOf(me);
  const matches: ReaderMatch[] = [];
  for (const [otherId, vector] of vectorsOf(others)) {
    if (otherId === userId) continue;
    let dot = 0;
    const shared: { bookId: string; strength: number }[] = [];
    for (const [bookId, weight] of vector) {
      const own = me.get(bookId);
      if (own === undefined) continue;
      dot += own * weight;
      if (own >= LIKED_WEIGHT && weight >= LIKED_WEIGHT) shared.push({ bookId, strength: own * weight });
    }
    if (shared.length < MIN_SHARED_BOOKS) continue;
    shared.sort((a, b) => b.strength - a.strength || (a.bookId < b.bookId ? -1 : 1));
    matches.push({ userId: otherId, score: dot / (myNorm * normOf(vector)), shared: shared.map((s) => s.bookId) });
  }
  return matches.sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : 1)).slice(0, limit);
}
