// Offline evaluation of "Books for you" against the popularity baseline on a time-split holdout, with the
// shipped rules from @booky/domain: the same functions the nightly neighbour job and the service call.
import {
  type Interaction,
  itemNeighbours,
  mostPopular,
  NEIGHBOURS_PER_BOOK,
  ratingWeight,
  recommend,
} from "@booky/domain";

/** One rating; `at` orders a member's ratings in time (the data set's file order where it has no dates). */
export interface Rating {
  userId: string;
  bookId: string;
  halves: number;
  at: number;
}

export const K = 20;
/** The share of each member's ratings, latest in time, that is held out. */
export const HELD_OUT = 0.2;
/** Members with fewer ratings are skipped: their 20% would be no book at all. */
export const MIN_RATINGS = 5;

export interface Split {
  train: Rating[];
  test: Map<string, Set<string>>;
  skippedMembers: number;
}

/**
 * Each member's latest 20% of ratings (by `at`) are held out; only liked held-out books (3 stars or more, the
 * signal the method itself uses) count as hits. Members with fewer than MIN_RATINGS ratings are left out whole.
 */
export function timeSplit(ratings: readonly Rating[]): Split {
  const byUser = new Map<string, Rating[]>();
  for (const rating of ratings) {
    const list = byUser.get(rating.userId) ?? [];
    list.push(rating);
    byUser.set(rating.userId, list);
  }
  const train: Rating[] = [];
  const test = new Map<string, Set<string>>();
  let skippedMembers = 0;
  for (const [userId, list] of byUser) {
    if (list.length < MIN_RATINGS) {
      skippedMembers++;
      continue;
    }
    list.sort((a, b) => a.at - b.at);
    const cut = Math.ceil(list.length * (1 - HELD_OUT));
    train.push(...list.slice(0, cut));
    const liked = list.slice(cut).filter((r) => ratingWeight(r.halves) > 0);
    if (liked.length > 0) test.set(userId, new Set(liked.map((r) => r.bookId)));
  }
  return { train, test, skippedMembers };
}

interface Scores {
  recall: number;
  ndcg: number;
  hit10: number;
}

function metrics(ranked: readonly string[], relevant: ReadonlySet<string>): Scores {
  const top = ranked.slice(0, K);
  const hits = top.filter((book) => relevant.has(book)).length;
  const dcg = top.reduce((sum, book, i) => sum + (relevant.has(book) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, K); i++) ideal += 1 / Math.log2(i + 2);
  return {
    recall: hits / Math.min(relevant.size, K),
    ndcg: ideal === 0 ? 0 : dcg / ideal,
    hit10: ranked.slice(0, 10).some((book) => relevant.has(book)) ? 1 : 0,
  };
}

export interface Evaluation {
  ratings: number;
  members: number;
  books: number;
  trainRatings: number;
  testMembers: number;
  skippedMembers: number;
  neighbourBooks: number;
  neighbourMs: number;
  heapMb: number;
  rssBeforeMb: number;
  peakRssMb: number;
  method: Scores;
  popularity: Scores;
}

export function evaluate(ratings: readonly Rating[]): Evaluation {
  const { train, test, skippedMembers } = timeSplit(ratings);
  const interactions: Interaction[] = train.map((r) => ({
    userId: r.userId,
    bookId: r.bookId,
    weight: ratingWeight(r.halves),
  }));

  // The nightly job's work at this scale. With --expose-gc (the package script passes it) the heap figure is what
  // the result keeps after a collection; peak RSS is the process's high-water mark, beside its RSS before.
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const neighbours = itemNeighbours(interactions, NEIGHBOURS_PER_BOOK);
  const neighbourMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const trainOf = new Map<string, Rating[]>();
  for (const rating of train) {
    const list = trainOf.get(rating.userId) ?? [];
    list.push(rating);
    trainOf.set(rating.userId, list);
  }
  const books = new Set(ratings.map((r) => r.bookId));
  const popularity = mostPopular(interactions, new Set(), books.size);
  const totals = { method: { recall: 0, ndcg: 0, hit10: 0 }, popularity: { recall: 0, ndcg: 0, hit10: 0 } };
  for (const [userId, relevant] of test) {
    const mine = trainOf.get(userId) ?? [];
    const exclude = new Set(mine.map((r) => r.bookId));
    const seeds = mine.map((r) => ({ bookId: r.bookId, weight: ratingWeight(r.halves) }));
    const popular = popularity.filter((book) => !exclude.has(book)).slice(0, K);
    const picked = recommend(seeds, (id) => neighbours.get(id) ?? [], exclude, K).map((r) => r.bookId);
    // A member the method cannot place (no liked seed with a neighbour) gets popularity, as the service does.
    const method = picked.length > 0 ? picked : popular;
    for (const [name, list] of [
      ["method", method],
      ["popularity", popular],
    ] as const) {
      const m = metrics(list, relevant);
      totals[name].recall += m.recall;
      totals[name].ndcg += m.ndcg;
      totals[name].hit10 += m.hit10;
    }
  }
  const n = test.size;
  const mean = (s: Scores): Scores => ({ recall: s.recall / n, ndcg: s.ndcg / n, hit10: s.hit10 / n });
  return {
    ratings: ratings.length,
    members: new Set(ratings.map((r) => r.userId)).size,
    books: books.size,
    trainRatings: train.length,
    testMembers: n,
    skippedMembers,
    neighbourBooks: neighbours.size,
    neighbourMs,
    heapMb,
    rssBeforeMb,
    peakRssMb,
    method: mean(totals.method),
    popularity: mean(totals.popularity),
  };
}

export const beatsPopularity = (e: Evaluation) =>
  e.method.recall > e.popularity.recall && e.method.ndcg > e.popularity.ndcg;

export function report(title: string, e: Evaluation): string {
  const row = (name: string, s: Scores) =>
    `${name.padEnd(15)} ${s.recall.toFixed(4).padStart(9)}  ${s.ndcg.toFixed(4).padStart(7)}  ${s.hit10.toFixed(4).padStart(10)}`;
  return [
    `== ${title}`,
    `ratings ${e.ratings} (${e.members} members, ${e.books} books); each member's latest ${HELD_OUT * 100}% held out`,
    `members with fewer than ${MIN_RATINGS} ratings skipped: ${e.skippedMembers}; train ${e.trainRatings} ratings; test members ${e.testMembers}`,
    `neighbours: ${e.neighbourBooks} books, top ${NEIGHBOURS_PER_BOOK} each, ${e.neighbourMs.toFixed(0)} ms, result heap ${e.heapMb.toFixed(1)} MB, peak RSS ${e.peakRssMb.toFixed(0)} MB (${e.rssBeforeMb.toFixed(0)} MB before)`,
    "method          Recall@20  NDCG@20  HitRate@10",
    row("item-to-item", e.method),
    row("popularity", e.popularity),
    beatsPopularity(e)
      ? "item-to-item beats popularity on both"
      : "item-to-item does NOT beat popularity: do not ship it",
  ].join("\n");
}
