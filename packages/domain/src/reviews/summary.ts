import { z } from "zod";
import { cosine, lexRank, tfIdfVectors } from "./lexrank.js";
import { sentimentOf } from "./ratings.js";
import { contentWords, QUOTE_MAX_LENGTH, QUOTE_MIN_WORDS, splitSentences, wordCount } from "./text.js";

/** A book gets a summary once this many reviews (not flagged as spoilers) have words. */
export const SUMMARY_MIN_REVIEWS = 3;
/** Quotes per group (liked, disliked). */
export const QUOTES_PER_GROUP = 3;
/** Two quotes this similar say the same thing: the second is skipped. */
const REDUNDANT = 0.5;

export interface SummaryReview {
  id: string;
  /** Half-stars, 1–10. */
  rating: number;
  text: string;
  spoiler: boolean;
}

const quote = z.object({ reviewId: z.uuid(), text: z.string(), rating: z.int() });
const citedSentence = z.object({ text: z.string(), reviewIds: z.array(z.uuid()).min(1) });

/** What the summary table holds: the built-in quotes, or a language model's sentences with their citations. */
export const summaryContent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("extractive"), liked: z.array(quote), disliked: z.array(quote) }),
  z.object({ kind: z.literal("abstractive"), sentences: z.array(citedSentence) }),
]);
export type SummaryContent = z.infer<typeof summaryContent>;
export type Quote = z.infer<typeof quote>;
export type CitedSentence = z.infer<typeof citedSentence>;

/** The reviews a summary may draw on: with words, not flagged as spoilers. */
export const summarizable = (reviews: readonly SummaryReview[]) =>
  reviews.filter((review) => !review.spoiler && review.text.trim().length > 0);

/**
 * The built-in summary: review sentences ranked by LexRank over all
 * summarizable reviews, the most central few of the liked (3.5 stars or
 * more) and of the disliked (2.5 or less) reviews, each verbatim, at most one
 * per review and group, none repeating another. Null below
 * `SUMMARY_MIN_REVIEWS` summarizable reviews.
 */
export function extractiveSummary(
  reviews: readonly SummaryReview[],
  perGroup = QUOTES_PER_GROUP,
): Extract<SummaryContent, { kind: "extractive" }> | null {
  const usable = summarizable(reviews);
  if (usable.length < SUMMARY_MIN_REVIEWS) return null;
  const sentences = usable.flatMap((review) =>
    splitSentences(review.text)
      .filter((text) => wordCount(text) >= QUOTE_MIN_WORDS && text.length <= QUOTE_MAX_LENGTH)
      .map((text) => ({ review, text, words: contentWords(text) }))
      .filter((sentence) => sentence.words.length > 0),
  );
  const vectors = tfIdfVectors(sentences.map((sentence) => sentence.words));
  const scores = lexRank(vectors);
  const ranked = sentences
    .map((sentence, index) => ({ ...sentence, vector: vectors[index] ?? new Map(), score: scores[index] ?? 0, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index);

  // Below-average centrality is an aside (a sentence few others resemble): quoted only as a group's sole voice.
  const average = 1 / Math.max(ranked.length, 1);
  const pick = (group: "liked" | "disliked") => {
    const chosen: typeof ranked = [];
    for (const sentence of ranked) {
      if (chosen.length >= perGroup) break;
      if (sentimentOf(sentence.review.rating) !== group) continue;
      if (chosen.length > 0 && sentence.score < average) break;
      if (chosen.some((other) => other.review.id === sentence.review.id)) continue;
      if (chosen.some((other) => cosine(other.vector, sentence.vector) > REDUNDANT)) continue;
      chosen.push(sentence);
    }
    return chosen.map((sentence) => ({
      reviewId: sentence.review.id,
      text: sentence.text,
      rating: sentence.review.rating,
    }));
  };
  return { kind: "extractive", liked: pick("liked"), disliked: pick("disliked") };
}

/** A cited review "says so" when it shares at least this many of the sentence's content words (or all, if fewer). */
const SUPPORT_WORDS = 2;

/**
 * A language model's sentences, checked against the reviews: a citation
 * counts only when it names a summarizable review that shares the
 * sentence's content words; a sentence left with no citation is dropped.
 */
export function checkCitations(
  sentences: readonly CitedSentence[],
  reviews: readonly SummaryReview[],
): CitedSentence[] {
  const known = new Map(summarizable(reviews).map((review) => [review.id, new Set(contentWords(review.text))]));
  return sentences.flatMap((sentence) => {
    const words = [...new Set(contentWords(sentence.text))];
    const needed = Math.min(SUPPORT_WORDS, words.length);
    const reviewIds = [...new Set(sentence.reviewIds)].filter((id) => {
      const reviewWords = known.get(id);
      return needed > 0 && reviewWords !== undefined && words.filter((word) => reviewWords.has(word)).length >= needed;
    });
    return reviewIds.length > 0 && sentence.text.trim().length > 0 ? [{ text: sentence.text.trim(), reviewIds }] : [];
  });
}
