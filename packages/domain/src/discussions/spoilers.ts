/**
 * The spoiler guard: who may read a post or comment about a meeting's book
 * without revealing it first. A text carries the page it talks about (null:
 * no page, e.g. a club's general thread); a reader's standing in that meeting
 * comes from their reported progress.
 */

/** Where a member stands in a meeting's book. */
export type ReaderStanding =
  | { kind: "finished" }
  | { kind: "reading"; page: number }
  /** No progress reported in that meeting: not attending, or not started. */
  | { kind: "not_reading" };

export type SpoilerVerdict =
  | { visible: true }
  /** "about page 212 — you are on page 140" */
  | { visible: false; reason: "ahead"; page: number; readerPage: number }
  /** Not reading that meeting's book: warned before they read on. */
  | { visible: false; reason: "not_reading"; page: number };

/** The reader's standing from their progress row (or its absence). */
export function standingOf(progress: { page: number; finished: boolean } | null): ReaderStanding {
  if (!progress) return { kind: "not_reading" };
  return progress.finished ? { kind: "finished" } : { kind: "reading", page: progress.page };
}

/**
 * Whether a text about `page` is shown to a reader as it is, or collapsed.
 * Authors always see their own words; untagged texts and finished readers
 * see everything; a reader below the page sees it collapsed.
 */
export function spoilerVerdict(page: number | null, reader: ReaderStanding, isAuthor: boolean): SpoilerVerdict {
  if (page === null || isAuthor || reader.kind === "finished") return { visible: true };
  if (reader.kind === "not_reading") return { visible: false, reason: "not_reading", page };
  return reader.page >= page ? { visible: true } : { visible: false, reason: "ahead", page, readerPage: reader.page };
}

/**
 * The page a new text about a meeting is tagged with: the one the author
 * gives, else the highest page of what it answers (its thread's, and a
 * reply's parent comment's), else none. Never the author's own standing: a
 * default taken from it would tell every reader how far the author has read.
 */
export function defaultSpoilerPage(given: number | null | undefined, answers: (number | null)[]): number | null {
  if (given !== undefined && given !== null) return given;
  const tagged = answers.filter((answered): answered is number => answered !== null);
  return tagged.length > 0 ? Math.max(...tagged) : null;
}
