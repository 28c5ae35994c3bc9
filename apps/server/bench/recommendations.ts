// Offline evaluation of "Books for you": item-to-item cosine neighbours against a popularity baseline,
// on a time-split holdout (each member's latest 20% of ratings are the test set), printing
// Recall@20, NDCG@20 and HitRate@10 side by side, and the neighbour computation's time and memory.
// Run: pnpm --filter @booky/server bench:recommendations
//
// Data: no public rating data set can be downloaded here (no network), so the ratings are generated:
// 2,000 members, 1,500 books in 30 genres, each member with 1–3 favourite genres, a long-tailed
// popularity (Zipf) within and across genres, and ratings that are higher inside a member's genres.
// Seeded, so every run prints the same figures. Replace `generate()` with a committed sample of a
// public data set (e.g. goodbooks-10k, CC BY-SA 4.0) to measure on real readers.
import {
  type Interaction,
  itemNeighbours,
  mostPopular,
  NEIGHBOURS_PER_BOOK,
  ratingWeight,
  recommend,
} from "@booky/domain";

const MEMBERS = 2000;
const BOOKS = 1500;
const GENRES = 30;
const K = 20;

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Rating {
  userId: string;
  bookId: string;
  halves: number;
  at: number;
}

function generate(): Rating[] {
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

/** Each member's latest 20% of ratings (by time) are held out; only liked held-out books count as hits. */
function timeSplit(ratings: Rating[]) {
  const byUser = new Map<string, Rating[]>();
  for (const rating of ratings) byUser.set(rating.userId, [...(byUser.get(rating.userId) ?? []), rating]);
  const train: Rating[] = [];
  const test = new Map<string, Set<string>>();
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.at - b.at);
    const cut = Math.floor(list.length * 0.8);
    train.push(...list.slice(0, cut));
    const liked = list.slice(cut).filter((r) => ratingWeight(r.halves) > 0);
    if (liked.length > 0) test.set(userId, new Set(liked.map((r) => r.bookId)));
  }
  return { train, test };
}

function metrics(ranked: string[], relevant: Set<string>) {
  const top = ranked.slice(0, K);
  const hits = top.filter((book) => relevant.has(book)).length;
  const dcg = top.reduce((sum, book, i) => sum + (relevant.has(book) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = Array.from({ length: Math.min(relevant.size, K) }, (_, i) => 1 / Math.log2(i + 2)).reduce(
    (a, b) => a + b,
    0,
  );
  return {
    recall: hits / Math.min(relevant.size, K),
    ndcg: ideal === 0 ? 0 : dcg / ideal,
    hit10: ranked.slice(0, 10).some((book) => relevant.has(book)) ? 1 : 0,
  };
}

const ratings = generate();
const { train, test } = timeSplit(ratings);
const interactions: Interaction[] = train.map((r) => ({
  userId: r.userId,
  bookId: r.bookId,
  weight: ratingWeight(r.halves),
}));

const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const neighbours = itemNeighbours(interactions, NEIGHBOURS_PER_BOOK);
const neighbourMs = performance.now() - started;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const trainOf = new Map<string, Rating[]>();
for (const rating of train) trainOf.set(rating.userId, [...(trainOf.get(rating.userId) ?? []), rating]);

const popularity = mostPopular(interactions, new Set(), BOOKS);
const totals = { method: { recall: 0, ndcg: 0, hit10: 0 }, popularity: { recall: 0, ndcg: 0, hit10: 0 } };
for (const [userId, relevant] of test) {
  const mine = trainOf.get(userId) ?? [];
  const exclude = new Set(mine.map((r) => r.bookId));
  const seeds = mine.map((r) => ({ bookId: r.bookId, weight: ratingWeight(r.halves) }));
  const method = recommend(seeds, (id) => neighbours.get(id) ?? [], exclude, K).map((r) => r.bookId);
  const popular = popularity.filter((book) => !exclude.has(book)).slice(0, K);
  // Members the method cannot place (no liked seed) get the popularity list, as the service does.
  const ranked = method.length > 0 ? method : popular;
  for (const [name, list] of [
    ["method", ranked],
    ["popularity", popular],
  ] as const) {
    const m = metrics(list, relevant);
    totals[name].recall += m.recall;
    totals[name].ndcg += m.ndcg;
    totals[name].hit10 += m.hit10;
  }
}

const n = test.size;
console.log(`ratings ${ratings.length}, train ${train.length}, test members ${n}, books ${BOOKS}`);
console.log(
  `neighbours: ${neighbours.size} books, top ${NEIGHBOURS_PER_BOOK} each, ${neighbourMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB heap`,
);
console.log("method          Recall@20  NDCG@20  HitRate@10");
for (const [name, total] of Object.entries(totals)) {
  console.log(
    `${name.padEnd(15)} ${(total.recall / n).toFixed(4).padStart(9)}  ${(total.ndcg / n).toFixed(4).padStart(7)}  ${(total.hit10 / n).toFixed(4).padStart(10)}`,
  );
}
const wins = totals.method.recall > totals.popularity.recall && totals.method.ndcg > totals.popularity.ndcg;
console.log(wins ? "item-to-item beats popularity on both" : "item-to-item does NOT beat popularity: do not ship it");
process.exitCode = wins ? 0 : 1;
