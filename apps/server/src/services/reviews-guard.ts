import { and, type Executor, eq, inArray, meetingRsvps, meetings, readingProgress } from "@booky/db";
import { type ReaderStanding, spoilerVerdict } from "@booky/domain";
import type { Spoiler } from "./discussions-guard.js";

/**
 * The spoiler guard for reviews: a review is about the whole book, so a
 * member attending a meeting of that book that is still under way sees the
 * words of other members' reviews collapsed until they finish it (or reveal
 * them). The rule is the discussions' (`spoilerVerdict`) with the book's
 * last page as the page the review talks about.
 */

/** Meetings not yet closed or cancelled: their attendees are still reading. */
const UNDER_WAY = ["scheduled", "active"] as const;

/** The verdict on a review of `bookId` by `authorId` (null: words that are nobody's own, like the summary's). */
export type ReviewGuard = (bookId: string, authorId: string | null) => Spoiler | null;

/** The guard for the viewer over reviews of `bookIds` (one statement, whatever the number of books). */
export async function reviewGuardFor(db: Executor, viewerId: string, bookIds: readonly string[]): Promise<ReviewGuard> {
  const ids = [...new Set(bookIds)];
  const rows = ids.length
    ? await db
        .select({
          bookId: meetings.bookId,
          pageCount: meetings.bookPageCount,
          page: readingProgress.page,
          finishedAt: readingProgress.finishedAt,
        })
        .from(meetings)
        .innerJoin(
          meetingRsvps,
          and(
            eq(meetingRsvps.meetingId, meetings.id),
            eq(meetingRsvps.userId, viewerId),
            eq(meetingRsvps.status, "going"),
          ),
        )
        .leftJoin(
          readingProgress,
          and(eq(readingProgress.meetingId, meetings.id), eq(readingProgress.userId, viewerId)),
        )
        .where(and(inArray(meetings.bookId, ids), inArray(meetings.status, UNDER_WAY)))
    : [];
  // An attendee who reported nothing yet is on page 0: reading, not a bystander.
  const readings = rows.map((row) => ({
    bookId: row.bookId,
    pageCount: row.pageCount,
    standing: (row.finishedAt ? { kind: "finished" } : { kind: "reading", page: row.page ?? 0 }) as ReaderStanding,
  }));
  return (bookId, authorId) => {
    for (const reading of readings) {
      if (reading.bookId !== bookId) continue;
      const verdict = spoilerVerdict(reading.pageCount, reading.standing, authorId === viewerId);
      if (!verdict.visible) return verdict;
    }
    return null;
  };
}

/** A review as the viewer may see it: its title and words cut out when the guard collapses it. */
export function guardReview<T extends { bookId: string; authorId: string; title: string | null; bodyHtml: string }>(
  review: T,
  guardOf: ReviewGuard,
) {
  const { authorId, ...rest } = review;
  const spoiler = guardOf(review.bookId, authorId);
  return spoiler ? { ...rest, title: null, bodyHtml: null, guard: spoiler } : { ...rest, guard: null };
}
