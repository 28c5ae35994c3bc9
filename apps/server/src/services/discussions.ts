import {
  and,
  type Club,
  type ClubRole,
  type DiscussionThread,
  discussionReads,
  discussionThreads,
  type Executor,
  eq,
  isNull,
  meetings,
  sql,
  users,
} from "@booky/db";
import {
  type createThreadInput,
  defaultSpoilerPage,
  type editThreadInput,
  hasClubRole,
  type listThreadsInput,
} from "@booky/domain";
import type { z } from "zod";
import { conflict, fieldError, forbidden, notFound } from "../errors.js";
import { guard, standingsIn } from "./discussions-guard.js";
import { renderedText } from "./markdown.js";
import { requireNotMuted } from "./moderation-mutes.js";
import { notifyDiscussion } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { raiseClubEvent } from "./webhooks.js";

/** Who acts on a club's discussions: the builder's club, the caller and their role. */
export interface DiscussionCaller {
  club: Pick<Club, "id" | "archivedAt">;
  userId: string;
  role: ClubRole | null;
}

export const authorColumns = { id: users.id, username: users.username, displayName: users.displayName };

const threadsPager = definePager({ list: "discussions.threads", order: "desc", key: "timestamp" });
const threadSort = { key: discussionThreads.lastActivityAt, id: discussionThreads.id };

/** A thread's columns for lists: no body (lists show the excerpt). */
const threadMeta = {
  id: discussionThreads.id,
  clubId: discussionThreads.clubId,
  meetingId: discussionThreads.meetingId,
  title: discussionThreads.title,
  excerpt: discussionThreads.excerpt,
  page: discussionThreads.page,
  pinned: discussionThreads.pinned,
  locked: discussionThreads.locked,
  commentCount: discussionThreads.commentCount,
  lastActivityAt: discussionThreads.lastActivityAt,
  editedAt: discussionThreads.editedAt,
  deletedAt: discussionThreads.deletedAt,
  moderation: discussionThreads.moderation,
  createdAt: discussionThreads.createdAt,
};

/** A thread's row in a list or on its page, guarded for the viewer: `text` is null when collapsed or deleted. */
function shownThread<T>(
  row: Pick<DiscussionThread, "authorId" | "page" | "deletedAt" | "meetingId" | "moderation" | "moderationReason">,
  text: T,
  standing: Parameters<typeof guard>[1],
  viewerId: string,
  reveal = false,
) {
  return guard({ ...row, text }, standing, viewerId, reveal);
}

/** A club's general threads (no `meetingId`) or one meeting's, latest activity first, each flagged when unread. */
export async function listThreads(
  db: Executor,
  viewerId: string,
  clubId: string,
  input: z.output<typeof listThreadsInput>,
) {
  const meetingId = input.meetingId ?? null;
  if (meetingId) await requireMeetingOfClub(db, clubId, meetingId);
  const rows = await pageRows(
    db
      .select({
        thread: threadMeta,
        authorId: discussionThreads.authorId,
        moderationReason: discussionThreads.moderationReason,
        author: authorColumns,
        unread: sql<boolean>`${discussionReads.readAt} is null or ${discussionReads.readAt} < ${discussionThreads.lastActivityAt}`,
      })
      .from(discussionThreads)
      .innerJoin(users, eq(users.id, discussionThreads.authorId))
      .leftJoin(
        discussionReads,
        and(eq(discussionReads.threadId, discussionThreads.id), eq(discussionReads.userId, viewerId)),
      )
      .$dynamic(),
    threadsPager,
    threadSort,
    input,
    and(
      eq(discussionThreads.clubId, clubId),
      meetingId ? eq(discussionThreads.meetingId, meetingId) : isNull(discussionThreads.meetingId),
      input.pinned === undefined ? undefined : eq(discussionThreads.pinned, input.pinned),
    ),
  );
  const standing = await standingsIn(db, viewerId, [meetingId]);
  const page = threadsPager.page(rows, input.limit, (row) => ({ key: row.thread.lastActivityAt, id: row.thread.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ thread, authorId, moderationReason, author, unread }) => {
      const { title, excerpt, ...meta } = thread;
      const row = { ...meta, authorId, moderationReason };
      return { ...meta, author, unread, ...shownThread(row, { title, excerpt }, standing(meta.meetingId), viewerId) };
    }),
  };
}

/** A thread, guarded; NOT_FOUND unless it is in this club. */
export async function getThread(db: Executor, viewerId: string, clubId: string, threadId: string, reveal = false) {
  const [row] = await db
    .select({ thread: discussionThreads, author: authorColumns })
    .from(discussionThreads)
    .innerJoin(users, eq(users.id, discussionThreads.authorId))
    .where(and(eq(discussionThreads.id, threadId), eq(discussionThreads.clubId, clubId)));
  if (!row) throw notFound("No such thread in this club");
  const { title, body, bodyHtml, excerpt, deletedBy: _by, moderationReason, ...meta } = row.thread;
  const standing = (await standingsIn(db, viewerId, [meta.meetingId]))(meta.meetingId);
  const mine = meta.authorId === viewerId;
  // The Markdown source goes to its author only, for editing.
  const text = { title, html: bodyHtml, excerpt, source: mine ? body : null };
  return {
    ...meta,
    author: row.author,
    ...shownThread({ ...meta, moderationReason }, text, standing, viewerId, reveal),
  };
}

/** The meeting of `clubId` a text is about, with its page count; NOT_FOUND on `meetingId` otherwise. */
export async function requireMeetingOfClub(db: Executor, clubId: string, meetingId: string) {
  const [meeting] = await db
    .select({ id: meetings.id, bookPageCount: meetings.bookPageCount })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.clubId, clubId)));
  if (!meeting) throw fieldError("meetingId", "This meeting is not one of this club's");
  return meeting;
}

/**
 * The page a text is tagged with: the one given, else the highest page of
 * what it answers (`answers`: a comment's thread, a reply's parent), else
 * none; never the author's own page, which would tell others how far they
 * are. Texts outside a meeting carry none (there is no book to spoil).
 */
export function spoilerPageFor(
  meeting: { id: string; bookPageCount: number } | null,
  given: number | null | undefined,
  answers: (number | null)[] = [],
): number | null {
  if (!meeting) {
    if (given !== undefined && given !== null) throw fieldError("page", "Only a meeting's threads carry a page");
    return null;
  }
  if (given !== undefined && given !== null && given > meeting.bookPageCount) {
    throw fieldError("page", `This book has ${meeting.bookPageCount} pages`);
  }
  return defaultSpoilerPage(given, answers);
}

/** Deleting is for the text's author, or a club admin moderating. */
export function requireAuthorOrModerator(caller: DiscussionCaller, authorId: string) {
  const moderator = caller.role !== null && hasClubRole(caller.role, "admin");
  if (authorId !== caller.userId && !moderator) throw forbidden("Only its author or a club admin can delete it");
}

export function requireOpenClub(club: DiscussionCaller["club"]) {
  if (club.archivedAt) throw conflict("This club is archived: its discussions are read-only");
}

/** Marks a thread read for `userId` as of now (its author and commenters read what they wrote). */
export async function markThreadRead(db: Executor, userId: string, threadId: string) {
  await db
    .insert(discussionReads)
    .values({ userId, threadId })
    .onConflictDoUpdate({ target: [discussionReads.userId, discussionReads.threadId], set: { readAt: sql`now()` } });
}

/** Opens a thread in the club's general discussion or a meeting's; the caller has read it. */
export async function createThread(
  db: Executor,
  caller: DiscussionCaller,
  input: Omit<z.output<typeof createThreadInput>, "clubId">,
) {
  requireOpenClub(caller.club);
  await requireNotMuted(db, caller.club.id, caller.userId);
  const meeting = input.meetingId ? await requireMeetingOfClub(db, caller.club.id, input.meetingId) : null;
  const page = spoilerPageFor(meeting, input.page);
  const rendered = renderedText(input.body);
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(discussionThreads)
      .values({
        clubId: caller.club.id,
        meetingId: meeting?.id ?? null,
        authorId: caller.userId,
        title: input.title,
        ...rendered,
        page,
      })
      .returning();
    if (!thread) throw new Error("thread insert returned nothing");
    await markThreadRead(tx, caller.userId, thread.id);
    await notifyDiscussion(tx, {
      clubId: thread.clubId,
      meetingId: thread.meetingId,
      threadId: thread.id,
      commentId: null,
      authorId: thread.authorId,
      body: input.body,
      replyTo: [],
    });
    await raiseClubEvent(tx, thread.clubId, "thread.created", {
      meetingId: thread.meetingId ?? undefined,
      thread: { id: thread.id, title: thread.title, spoiler: thread.page !== null },
    });
    return { id: thread.id, page: thread.page };
  });
}

/** A thread of this club, for a change; NOT_FOUND when it is not here, CONFLICT when deleted. */
async function liveThread(db: Executor, clubId: string, threadId: string) {
  const [thread] = await db
    .select()
    .from(discussionThreads)
    .where(and(eq(discussionThreads.id, threadId), eq(discussionThreads.clubId, clubId)));
  if (!thread) throw notFound("No such thread in this club");
  if (thread.deletedAt) throw conflict("This thread was deleted");
  return thread;
}

/** The author changes their thread; it is marked edited, with the time. */
export async function editThread(
  db: Executor,
  caller: DiscussionCaller,
  threadId: string,
  changes: z.output<typeof editThreadInput>["changes"],
) {
  requireOpenClub(caller.club);
  const thread = await liveThread(db, caller.club.id, threadId);
  if (thread.authorId !== caller.userId) throw forbidden("Only its author can edit a thread");
  const meeting = thread.meetingId ? await requireMeetingOfClub(db, caller.club.id, thread.meetingId) : null;
  const page = changes.page === undefined ? thread.page : spoilerPageFor(meeting, changes.page);
  const [edited] = await db
    .update(discussionThreads)
    .set({
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.body === undefined ? {} : renderedText(changes.body)),
      page,
      editedAt: sql`now()`,
    })
    .where(and(eq(discussionThreads.id, thread.id), isNull(discussionThreads.deletedAt)))
    .returning({ id: discussionThreads.id, editedAt: discussionThreads.editedAt, page: discussionThreads.page });
  if (!edited) throw conflict("This thread was deleted");
  return edited;
}

/** Its author, or a club admin moderating, deletes a thread: the text goes, the comments stay in place. */
export async function deleteThread(db: Executor, caller: DiscussionCaller, threadId: string) {
  const thread = await liveThread(db, caller.club.id, threadId);
  requireAuthorOrModerator(caller, thread.authorId);
  await db
    .update(discussionThreads)
    .set({ title: "", body: "", bodyHtml: "", excerpt: "", deletedAt: sql`now()`, deletedBy: caller.userId })
    .where(and(eq(discussionThreads.id, thread.id), isNull(discussionThreads.deletedAt)));
  return { id: thread.id, deleted: true };
}

/** Club admins pin a thread above the list, or lock it against new comments. */
export async function moderateThread(
  db: Executor,
  clubId: string,
  threadId: string,
  change: { pinned: boolean } | { locked: boolean },
) {
  await liveThread(db, clubId, threadId);
  const [thread] = await db
    .update(discussionThreads)
    .set(change)
    .where(eq(discussionThreads.id, threadId))
    .returning({ id: discussionThreads.id, pinned: discussionThreads.pinned, locked: discussionThreads.locked });
  return thread;
}

/** The caller has read a thread of this club up to now. */
export async function readThread(db: Executor, userId: string, clubId: string, threadId: string) {
  const [thread] = await db
    .select({ id: discussionThreads.id })
    .from(discussionThreads)
    .where(and(eq(discussionThreads.id, threadId), eq(discussionThreads.clubId, clubId)));
  if (!thread) throw notFound("No such thread in this club");
  await markThreadRead(db, userId, thread.id);
  return { read: true };
}
