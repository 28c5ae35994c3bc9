/**
 * Item-to-item collaborative filtering. A book is a vector over members
 * (how much each liked it); two books are neighbours by the cosine of their
 * vectors, which divides by each book's own weight, so a popular book is
 * not everyone's neighbour just for being everywhere. The cosine is shrunk
 * by n / (n + SHRINKAGE), n the readers who liked both: a pair that one
 * reader happens to share is a weak reason, however high its cosine.
 */

export interface Interaction {
  userId: string;
  bookId: string;
  /** How much the member liked it, 0 (no signal) to 1. */
  weight: number;
}

export interface Neighbour {
  neighbourId: string;
  score: number;
}

/** At most this many neighbours are kept per book. */
export const NEIGHBOURS_PER_BOOK = 50;

/**
 * How many shared readers it takes for a pair's cosine to count half. Picked on a validation split of the
 * goodbooks-10k sample (each member's ratings between 64% and 80% in time), never on its held-out 20%; see
 * apps/server/bench/recommendations.ts.
 */
export const SHRINKAGE = 20;

/** A rating as a taste signal: 5 stars is 1, 3.5 stars 0.5, 2 stars or less nothing (dislikes are not a reason). */
export function ratingWeight(halves: number): number {
  return Math.max(0, halves - 4) / 6;
}

/** Each book's nearest books (score > 0), best first, ties by id so the answer is deterministic. */
export function itemNeighbours(
  interactions: readonly Interaction[],
  k = NEIGHBOURS_PER_BOOK,
): Map<string, Neighbour[]> {
  const byUser = new Map<string, Map<string, number>>();
  const norms = new Map<string, number>();
  for (const { userId, bookId, weight } of interactions) {
    if (weight <= 0) continue;
    const items = byUser.get(userId) ?? new Map<string, number>();
    items.set(bookId, weight);
    byUser.set(userId, items);
  }
  // Per pair: the dot product and the number of readers who liked both.
  const dots = new Map<string, Map<string, { dot: number; shared: number }>>();
  for (const items of byUser.values()) {
    const entries = [...items];
    for (const [book, weight] of entries) norms.set(book, (norms.get(book) ?? 0) + weight * weight);
    for (const [a, wa] of entries) {
      const row = dots.get(a) ?? new Map<string, { dot: number; shared: number }>();
      for (const [b, wb] of entries) {
        if (a === b) continue;
        const pair = row.get(b) ?? { dot: 0, shared: 0 };
        pair.dot += wa * wb;
        pair.shared += 1;
        row.set(b, pair);
      }
      dots.set(a, row);
    }
  }
  const result = new Map<string, Neighbour[]>();
  for (const [book, row] of dots) {
    const norm = Math.sqrt(norms.get(book) ?? 0);
    const neighbours = [...row]
      .map(([neighbourId, { dot, shared }]) => ({
        neighbourId,
        score: (dot / (norm * Math.sqrt(norms.get(neighbourId) ?? 1))) * (shared / (shared + SHRINKAGE)),
      }))
      .filter((neighbour) => neighbour.score > 0)
      .sort((x, y) => y.score - x.score || (x.neighbourId < y.neighbourId ? -1 : 1))
      .slice(0, k);
    if (neighbours.length > 0) result.set(book, neighbours);
  }
  return result;
}

export interface Recommendation {
  bookId: string;
  score: number;
  /** The member's book that contributed most: "because you rated it …". */
  becauseOf: string;
}

/**
 * A member's recommendations: the sum of the neighbours of the books they
 * liked (each weighted by how much), leaving out every book in `exclude`
 * (what they rated or shelved), best first.
 */
export function recommend(
  liked: readonly { bookId: string; weight: number }[],
  neighboursOf: (bookId: string) => readonly Neighbour[],
  exclude: ReadonlySet<string>,
  limit: number,
): Recommendation[] {
  const scores = new Map<string, { score: number; best: number; becauseOf: string }>();
  for (const seed of liked) {
    if (seed.weight <= 0) continue;
    for (const { neighbourId, score } of neighboursOf(seed.bookId)) {
      if (exclude.has(neighbourId)) continue;
      const part = seed.weight * score;
      const current = scores.get(neighbourId) ?? { score: 0, best: 0, becauseOf: seed.bookId };
      current.score += part;
      if (part > current.best) Object.assign(current, { best: part, becauseOf: seed.bookId });
      scores.set(neighbourId, current);
    }
  }
  return [...scores]
    .map(([bookId, { score, becauseOf }]) => ({ bookId, score, becauseOf }))
    .sort((a, b) => b.score - a.score || (a.bookId < b.bookId ? -1 : 1))
    .slice(0, limit);
}

/** The popularity baseline (and cold start): books most members liked, best first, leaving out `exclude`. */
export function mostPopular(
  interactions: readonly Interaction[],
  exclude: ReadonlySet<string>,
  limit: number,
): string[] {
  const counts = new Map<string, number>();
  for (const { bookId, weight } of interactions) if (weight > 0) counts.set(bookId, (counts.get(bookId) ?? 0) + 1);
  return [...counts]
    .filter(([bookId]) => !exclude.has(bookId))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([bookId]) => bookId);
}
