import {
  books,
  clubs,
  discussionComments,
  discussionThreads,
  type Executor,
  eq,
  inArray,
  meetings,
  type Notification,
  users,
} from "@booky/db";
import { guard, standingsIn } from "./discussions-guard.js";

/**
 * Notifications as a member sees them: who acted, in which club, and for a
 * reply or mention the words, read now from the thread or comment through
 * the spoiler guard (a reply about page 212 stays collapsed for a member on
 * page 140, in the list, the live stream and the e-mail alike).
 */
export async function viewNotifications(db: Executor, viewerId: string, rows: Notification[]) {
  const ids = <K extends keyof Notification>(key: K) =>
    [...new Set(rows.map((row) => row[key]).filter((value) => value !== null))] as string[];
  const [actors, clubRows, meetingRows, threads, comments] = await Promise.all([
    lookup(ids("actorId"), (list) =>
      db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, list)),
    ),
    lookup(ids("clubId"), (list) =>
      db.select({ id: clubs.id, name: clubs.name, slug: clubs.slug }).from(clubs).where(inArray(clubs.id, list)),
    ),
    lookup(ids("meetingId"), (list) =>
      db
        .select({ id: meetings.id, startsAt: meetings.startsAt, bookTitle: books.title })
        .from(meetings)
        .innerJoin(books, eq(books.id, meetings.bookId))
        .where(inArray(meetings.id, list)),
    ),
    lookup(ids("threadId"), (list) =>
      db
        .select({
          id: discussionThreads.id,
          meetingId: discussionThreads.meetingId,
          authorId: discussionThreads.authorId,
          page: discussionThreads.page,
          deletedAt: discussionThreads.deletedAt,
          moderation: discussionThreads.moderation,
          title: discussionThreads.title,
          excerpt: discussionThreads.excerpt,
        })
        .from(discussionThreads)
        .where(inArray(discussionThreads.id, list)),
    ),
    lookup(ids("commentId"), (list) =>
      db
        .select({
          id: discussionComments.id,
          authorId: discussionComments.authorId,
          page: discussionComments.page,
          deletedAt: discussionComments.deletedAt,
          moderation: discussionComments.moderation,
          excerpt: discussionComments.excerpt,
        })
        .from(discussionComments)
        .where(inArray(discussionComments.id, list)),
    ),
  ]);
  const standing = await standingsIn(
    db,
    viewerId,
    [...threads.values()].map((thread) => thread.meetingId),
  );
  return rows.map((row) => {
    const thread = row.threadId ? threads.get(row.threadId) : undefined;
    const comment = row.commentId ? comments.get(row.commentId) : undefined;
    const source = comment ?? thread;
    const words =
      thread && source ? guard({ ...source, text: source.excerpt }, standing(thread.meetingId), viewerId) : null;
    const title =
      thread && !thread.deletedAt
        ? guard({ ...thread, text: thread.title }, standing(thread.meetingId), viewerId)
        : null;
    return {
      id: String(row.id),
      seq: row.seq,
      kind: row.kind,
      data: row.data,
      createdAt: row.createdAt,
      readAt: row.readAt,
      actor: row.actorId ? (actors.get(row.actorId) ?? null) : null,
      club: row.clubId ? (clubRows.get(row.clubId) ?? null) : null,
      meeting: row.meetingId ? (meetingRows.get(row.meetingId) ?? null) : null,
      threadId: row.threadId,
      commentId: row.commentId,
      threadTitle: title?.text ?? null,
      excerpt: words?.text ?? null,
      spoiler: words?.spoiler ?? title?.spoiler ?? null,
    };
  });
}

export type NotificationView = Awaited<ReturnType<typeof viewNotifications>>[number];

async function lookup<T extends { id: string }>(list: string[], load: (list: string[]) => Promise<T[]>) {
  const found = list.length ? await load(list) : [];
  return new Map(found.map((item) => [item.id, item]));
}
