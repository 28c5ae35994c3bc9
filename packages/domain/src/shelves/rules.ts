import type { ReadingStatus, ReadOutcome, ShelfVisibility } from "./constants.js";

/** A calendar day as YYYY-MM-DD (ISO order, so strings compare like days). */
export type Day = string;

/** The latest read-through of a book, as far as the status change needs it. */
export interface LatestRead {
  id: string;
  startedOn: Day | null;
  finishedOn: Day | null;
  outcome: ReadOutcome | null;
}

/** What a status change does to the member's read-throughs of the book. */
export type ReadChange =
  | { kind: "none" }
  | { kind: "open"; startedOn: Day }
  | { kind: "restart"; readId: string; startedOn: Day }
  | { kind: "close"; readId: string; outcome: ReadOutcome; finishedOn: Day; startedOn: Day | null }
  | { kind: "record"; outcome: ReadOutcome; startedOn: Day | null; finishedOn: Day };

/**
 * How setting `status` changes the reads: starting a book opens a read-through
 * (a new one after a finished one: a re-read); finishing or abandoning it
 * closes the open one, or records a closed one when none was open. Wanting
 * to read a book leaves its history as it was. Dates default to `today`.
 */
export function readChangeFor(
  status: ReadingStatus,
  latest: LatestRead | null,
  dates: { startedOn?: Day | null; finishedOn?: Day | null },
  today: Day,
): ReadChange {
  const open = latest && latest.outcome === null ? latest : null;
  if (status === "want_to_read") return { kind: "none" };
  if (status === "reading") {
    if (!open) return { kind: "open", startedOn: dates.startedOn ?? today };
    if (dates.startedOn && dates.startedOn !== open.startedOn) {
      return { kind: "restart", readId: open.id, startedOn: dates.startedOn };
    }
    return { kind: "none" };
  }
  const finishedOn = dates.finishedOn ?? today;
  if (open) {
    return {
      kind: "close",
      readId: open.id,
      outcome: status,
      finishedOn,
      startedOn: dates.startedOn ?? open.startedOn,
    };
  }
  return { kind: "record", outcome: status, startedOn: dates.startedOn ?? null, finishedOn };
}

/** A read cannot finish before it started; null when the dates are fine, else the field to blame. */
export function readDatesProblem(startedOn: Day | null, finishedOn: Day | null): "finishedOn" | null {
  return startedOn && finishedOn && finishedOn < startedOn ? "finishedOn" : null;
}

/** How the viewer stands to a shelf's owner. */
export type ShelfViewer = "owner" | "friend" | "other";

/** Public shelves for everyone signed in, friends-only ones for friends, private ones for the owner. */
export function canSeeShelf(visibility: ShelfVisibility, viewer: ShelfViewer): boolean {
  if (viewer === "owner") return true;
  if (visibility === "public") return true;
  return visibility === "friends" && viewer === "friend";
}

/** The visibilities a viewer may see, for a query's `in (…)`. */
export function visibleShelfKinds(viewer: ShelfViewer): ShelfVisibility[] {
  return (["public", "friends", "private"] as const).filter((visibility) => canSeeShelf(visibility, viewer));
}

/** A shelf name as stored: trimmed, inner whitespace collapsed (names compare without case). */
export function normalizeShelfName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/**
 * A new order of shelves is a permutation of the current ones: every shelf
 * once, none unknown. Returns the first id out of place, or null.
 */
export function reorderProblem(current: readonly string[], wanted: readonly string[]): string | null {
  const known = new Set(current);
  const seen = new Set<string>();
  for (const id of wanted) {
    if (!known.has(id) || seen.has(id)) return id;
    seen.add(id);
  }
  const missing = current.find((id) => !seen.has(id));
  return missing ?? null;
}
