// Generated ratings, the second section of bench:recommendations: 2,000 members, 1,500 books in 30 genres,
// each member with 1–3 favourite genres, a long-tailed (Zipf) popularity, and higher ratings inside a member's
// genres. Seeded, so every run prints the same figures. It checks the method where the taste structure is known;
// the headline is the goodbooks-10k sample.
import type { Rating } from "./evaluate.js";

const MEMBERS = 2000;
const BOOKS = 1500;
const GENRES = 30;

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generatedRatings(): Rating[] {
  const random = rng(42);
  const genreOf = (book: number) => book % GENRES;
  // Zipf-like popularity: book b is picked with weight 1 / (rank + 10).
  const weights = Array.from({ length: BOOKS }, (_, b) => 1 / (b + 10));
  const ratings: Rating[] = [];
  for (let member = 0; member < MEMBERS; member++) {
    const favourites = new Set(
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * GENRES)),
    );
    const count = 10 + Math.floor(random() * 50);
    const seen = new Set<number>();
    for (let n = 0; n < count * 4 && seen.size < count; n++) {
      const inTaste = random() < 0.75;
      const book = pick(random, weights, inTaste ? (b) => favourites.has(genreOf(b)) : () => true);
      if (seen.has(book)) continue;
      seen.add(book);
      const liked = favourites.has(genreOf(book));
      const halves = Math.max(1, Math.min(10, Math.round((liked ? 8 : 5) + (random() - 0.5) * 5)));
      ratings.push({ userId: `u${member}`, bookId: `b${book}`, halves, at: n });
    }
  }
  return ratings;
}

function pick(random: () => number, weights: number[], allowed: (book: number) => boolean): number {
  let total = 0;
  for (let b = 0; b < weights.length; b++) if (allowed(b)) total += weights[b] ?? 0;
  let target = random() * total;
  for (let b = 0; b < weights.length; b++) {
    if (!allowed(b)) continue;
    target -= weights[b] ?? 0;
    if (target <= 0) return b;
  }
  return 0;
}
