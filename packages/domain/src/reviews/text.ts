/**
 * Sentences and words of review text, by the runtime's own Unicode text
 * segmentation (Intl.Segmenter, ICU): no hand-written splitting rules.
 */
const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const wordSegmenter = new Intl.Segmenter("en", { granularity: "word" });

/** Words too common to say what a sentence is about. */
const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by for from had has have he her his i if in into is it its me my of on or our she " +
    "so than that the their them then there these they this to too was we were what when which who will with you your " +
    "not no just very really about also all can do did does more most much one some such only would could book"
  ).split(" "),
);

/** Sentences shorter than this many words say too little to quote. */
export const QUOTE_MIN_WORDS = 4;
export const QUOTE_MAX_LENGTH = 300;

/** The text's sentences, each exactly as written (a substring of `text`), trimmed. */
export function splitSentences(text: string): string[] {
  return [...sentenceSegmenter.segment(text)].map((part) => part.segment.trim()).filter((part) => part.length > 0);
}

/** Lower-cased content words (stop words left out). */
export function contentWords(text: string): string[] {
  return [...wordSegmenter.segment(text.toLowerCase())]
    .filter((part) => part.isWordLike && part.segment.length > 1 && !STOP_WORDS.has(part.segment))
    .map((part) => part.segment);
}

export const wordCount = (text: string) => [...wordSegmenter.segment(text)].filter((part) => part.isWordLike).length;
