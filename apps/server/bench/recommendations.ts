// Offline evaluation of "Books for you" (item-to-item neighbours from @booky/domain, the rules the nightly job
// and the service run) against the popularity baseline, on a time-split holdout: each member's latest 20% of
// ratings are the test set. Prints Recall@20, NDCG@20 and HitRate@10 side by side, and the neighbour
// computation's time and memory. Exits 1 unless the method beats popularity on both Recall@20 and NDCG@20 on
// the real sample. Run: pnpm --filter @booky/server bench:recommendations
//
// Headline: the first 10,259 ratings of goodbooks-10k (CC BY-SA 4.0), committed in bench/data/goodbooks-10k
// with their source and licence; the data set's ratings.csv is sorted by time, so file order is time order.
// Second section: generated ratings (bench/recommendations/generated.ts).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beatsPopularity, evaluate, type Rating, report, timeSplit } from "./recommendations/evaluate.js";
import { generatedRatings } from "./recommendations/generated.js";

const SAMPLE = new URL("data/goodbooks-10k/ratings.csv", import.meta.url);

/** goodbooks-10k's ratings.csv: user_id,book_id,rating (1–5 stars), in time order. */
function goodbooksRatings(): Rating[] {
  const rows: { user_id: string; book_id: string; rating: string }[] = parse(readFileSync(SAMPLE, "utf8"), {
    columns: true,
    skip_empty_lines: true,
  });
  return rows.map((row, at) => {
    const stars = Number(row.rating);
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new Error(`line ${at + 2}: rating ${row.rating}`);
    return { userId: `u${row.user_id}`, bookId: `b${row.book_id}`, halves: stars * 2, at };
  });
}

const sample = goodbooksRatings();
const real = evaluate(sample);
console.log(report("goodbooks-10k sample (real readers; file order is time order)", real));
console.log();
// Where SHRINKAGE was picked: the same split applied again to the training ratings, so the tuning never saw
// the held-out 20% above.
console.log(report("validation: each member's 64–80% of the sample (train only)", evaluate(timeSplit(sample).train)));
console.log();
console.log(
  report("generated ratings (seeded, genre-structured; a check, not the headline)", evaluate(generatedRatings())),
);
process.exitCode = beatsPopularity(real) ? 0 : 1;
