import { and, type Executor, eq, inArray, readingProgress } from "@booky/db";
import {
  type ContentModeration,
  moderationNotice,
  type ReaderStanding,
  type SpoilerVerdict,
  spoilerVerdict,
  standingOf,
} from "@booky/domain";

/**
 * The spoiler guard, applied to every text Booky hands out (thread lists,
 * threads, comments, notifications, e-mails): the domain rule decides, this
 * file reads the reader's standing and cuts the text out of what is returned.
 */

const NO_MEETING: ReaderStanding = { kind: "finished" };

/** The caller's standing in each of `meetingIds` (a missing progress row: not reading). */
export async function standingsIn(
  db: Executor,
  userId: string,
  meetingIds: readonly (string | null)[],
): Promise<(meetingId: string | null) => ReaderStanding> {
  const ids = [...new Set(meetingIds.filter((id): id is string => id !== null))];
  const rows = ids.length
    ? await db
        .select({
          meetingId: readingProgress.meetingId,
          page: readingProgress.page,
          finishedAt: readingProgress.finishedAt,
        })
        .from(readingProgress)
        .where(and(eq(readingProgress.userId, userId), inArray(readingProgress.meetingId, ids)))
    : [];
  const byMeeting = new Map(rows.map((row) => [row.meetingId, { page: row.page, finished: row.finishedAt !== null }]));
  // Texts outside a meeting carry no page; the guard lets them through whatever the standing.
  return (meetingId) => (meetingId === null ? NO_MEETING : standingOf(byMeeting.get(meetingId) ?? null));
}

/** A collapsed text: what the reader is told instead ("about page 212 — you are on page 140"). */
export type Spoiler = Exclude<SpoilerVerdict, { visible: true }>;

interface GuardedSource<T> {
  authorId: string;
  page: number | null;
  deletedAt: Date | null;
  /** Hidden pending review or removed by the moderators (moderation.ts); absent means neither. */
  moderation?: ContentModeration | null;
  moderationReason?: string | null;
  text: T;
}

/**
 * A text as the viewer may see it: `text` when shown, null when deleted,
 * moderated (then `moderated` says so, with the reason for its author) or
 * collapsed (then `spoiler` says why); `reveal` skips the spoiler guard for a
 * text the viewer asked to see, never the moderators' decision.
 */
export function guard<T>(
  source: GuardedSource<T>,
  standing: ReaderStanding,
  viewerId: string,
  reveal = false,
): { text: T | null; spoiler: Spoiler | null; deleted: boolean; moderated: Moderated | null } {
  if (source.deletedAt) return { text: null, spoiler: null, deleted: true, moderated: null };
  const isAuthor = source.authorId === viewerId;
  if (source.moderation) {
    const moderated = moderationNotice(source.moderation, source.moderationReason ?? null, isAuthor);
    return { text: null, spoiler: null, deleted: false, moderated };
  }
  const verdict = spoilerVerdict(source.page, standing, isAuthor);
  if (verdict.visible || reveal) return { text: source.text, spoiler: null, deleted: false, moderated: null };
  return { text: null, spoiler: verdict, deleted: false, moderated: null };
}

export type Moderated = ReturnType<typeof moderationNotice>;
