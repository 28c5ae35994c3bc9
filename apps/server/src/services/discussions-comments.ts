import {
  and,
  type Database,
  type DiscussionComment,
  discussionComments,
  discussionThreads,
  type Executor,
  eq,
  isNull,
  sql,
  users,
} from "@booky/db";
import type { createCommentInput, editCommentInput, pageInput } from "@booky/domain";
import type { z } from "zod";
import { conflict, fieldError, forbidden, notFound } from "../errors.js";
import {
  authorColumns,
  type DiscussionCaller,
  getThread,
  markThreadRead,
  requireAuthorOrModerator,
  requireMeetingOfClub,
  requireOpenClub,
  spoilerPageFor,
} from "./discussions.js";
import { guard, standingsIn } from "./discussions-guard.js";
import { renderedText } from "./markdown.js";
import { requireNotMuted } from "./moderation-mutes.js";
import { notifyDiscussion } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";

const commentsPager = definePager({ list: "discussions.comments", order: "asc", key: "text" });
const commentSort = { key: discussionComments.sortKey, id: discussionComments.id };

/** The thread of this club a comment belongs to; NOT_FOUND otherwise. */
async function commentInClub(db: Executor, clubId: string, commentId: string) {
  const [row] = await db
    .select({ comment: discussionComments, thread: discussionThreads })
    .from(discussionComments)
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionComments.threadId))
    .where(and(eq(discussionComments.id, commentId), eq(discussionThreads.clubId, clubId)));
  if (!row) throw notFound("No such comment in this club");
  return row;
}

/** A comment as the viewer may see it. */
function shownComment(
  comment: DiscussionComment,
  author: { id: string; username: string; displayName: string },
  standing: Parameters<typeof guard>[1],
  viewerId: string,
  reveal = false,
) {
  const { body, bodyHtml, excerpt, sortKey: _key, deletedBy: _by, moderationReason: _why, ...meta } = comment;
  const text = { html: bodyHtml, excerpt, source: comment.authorId === viewerId ? body : null };
  return { ...meta, author, ...guard({ ...comment, text }, standing, viewerId, reveal) };
}

/** A thread's comments, oldest first, each reply right after its parent's earlier replies. */
export async function listComments(
  db: Executor,
  viewerId: string,
  clubId: string,
  threadId: string,
  page: z.output<typeof pageInput>,
) {
  const thread = await getThread(db, viewerId, clubId, threadId);
  const rows = await pageRows(
    db
      .select({ comment: discussionComments, author: authorColumns })
      .from(discussionComments)
      .innerJoin(users, eq(users.id, discussionComments.authorId))
      .$dynamic(),
    commentsPager,
    commentSort,
    page,
    eq(discussionComments.threadId, threadId),
  );
  const standing = (await standingsIn(db, viewerId, [thread.meetingId]))(thread.meetingId);
  const shown = commentsPager.page(rows, page.limit, (row) => ({ key: row.comment.sortKey, id: row.comment.id }));
  return {
    nextCursor: shown.nextCursor,
    items: shown.items.map((row) => shownComment(row.comment, row.author, standing, viewerId)),
  };
}

/**
 * Comments on a thread, or replies to a top-level comment. The thread's
 * counters move with one compare-and-set that also refuses a locked or
 * deleted thread, so a lock racing a comment cannot let it in afterwards.
 */
export async function createComment(
  db: Database,
  caller: DiscussionCaller,
  input: Omit<z.output<typeof createCommentInput>, "clubId">,
) {
  requireOpenClub(caller.club);
  await requireNotMuted(db, caller.club.id, caller.userId);
  const [thread] = await db
    .select()
    .from(discussionThreads)
    .where(and(eq(discussionThreads.id, input.threadId), eq(discussionThreads.clubId, caller.club.id)));
  if (!thread) throw notFound("No such thread in this club");
  const parent = input.parentId ? await replyTarget(db, thread.id, input.parentId) : null;
  const meeting = thread.meetingId ? await requireMeetingOfClub(db, caller.club.id, thread.meetingId) : null;
  const page = spoilerPageFor(meeting, input.page, [thread.page, parent?.page ?? null]);
  const id = crypto.randomUUID();
  const at = Date.now().toString(36).padStart(9, "0");
  return db.transaction(async (tx) => {
    const [open] = await tx
      .update(discussionThreads)
      .set({ commentCount: sql`${discussionThreads.commentCount} + 1`, lastActivityAt: sql`now()` })
      .where(
        and(
          eq(discussionThreads.id, thread.id),
          eq(discussionThreads.locked, false),
          isNull(discussionThreads.deletedAt),
        ),
      )
      .returning({ id: discussionThreads.id });
    if (!open) throw conflict("This thread is locked or deleted: it takes no new comments");
    const [comment] = await tx
      .insert(discussionComments)
      .values({
        id,
        threadId: thread.id,
        parentId: parent?.id ?? null,
        authorId: caller.userId,
        ...renderedText(input.body),
        page,
        sortKey: parent ? `${parent.sortKey}${at}` : `${at}${id.replaceAll("-", "")}`,
      })
      .returning();
    if (!comment) throw new Error("comment insert returned nothing");
    await markThreadRead(tx, caller.userId, thread.id);
    await notifyDiscussion(tx, {
      clubId: thread.clubId,
      meetingId: thread.meetingId,
      threadId: thread.id,
      commentId: comment.id,
      authorId: caller.userId,
      body: input.body,
      replyTo: parent ? [thread.authorId, parent.authorId] : [thread.authorId],
    });
    return { id: comment.id, page: comment.page, parentId: comment.parentId };
  });
}

/** A reply goes under a top-level comment of the same thread: replies are one level deep. */
async function replyTarget(db: Executor, threadId: string, parentId: string) {
  const [parent] = await db
    .select({
      id: discussionComments.id,
      parentId: discussionComments.parentId,
      sortKey: discussionComments.sortKey,
      authorId: discussionComments.authorId,
      page: discussionComments.page,
    })
    .from(discussionComments)
    .where(and(eq(discussionComments.id, parentId), eq(discussionComments.threadId, threadId)));
  if (!parent) throw fieldError("parentId", "No such comment in this thread");
  if (parent.parentId) throw fieldError("parentId", "Reply to the comment itself: replies go one level deep");
  return parent;
}

/** The author changes their comment; it is marked edited, with the time. */
export async function editComment(
  db: Executor,
  caller: DiscussionCaller,
  commentId: string,
  changes: z.output<typeof editCommentInput>["changes"],
) {
  requireOpenClub(caller.club);
  const { comment, thread } = await commentInClub(db, caller.club.id, commentId);
  if (comment.authorId !== caller.userId) throw forbidden("Only its author can edit a comment");
  if (comment.deletedAt) throw conflict("This comment was deleted");
  const meeting = thread.meetingId ? await requireMeetingOfClub(db, caller.club.id, thread.meetingId) : null;
  const page = changes.page === undefined ? comment.page : spoilerPageFor(meeting, changes.page, [thread.page]);
  const [edited] = await db
    .update(discussionComments)
    .set({ ...(changes.body === undefined ? {} : renderedText(changes.body)), page, editedAt: sql`now()` })
    .where(and(eq(discussionComments.id, comment.id), isNull(discussionComments.deletedAt)))
    .returning({ id: discussionComments.id, editedAt: discussionComments.editedAt, page: discussionComments.page });
  if (!edited) throw conflict("This comment was deleted");
  return edited;
}

/** Its author, or a club admin moderating, deletes a comment: its replies stay, its text goes. */
export async function deleteComment(db: Executor, caller: DiscussionCaller, commentId: string) {
  const { comment } = await commentInClub(db, caller.club.id, commentId);
  if (comment.deletedAt) throw conflict("This comment was deleted");
  requireAuthorOrModerator(caller, comment.authorId);
  await db
    .update(discussionComments)
    .set({ body: "", bodyHtml: "", excerpt: "", deletedAt: sql`now()`, deletedBy: caller.userId })
    .where(and(eq(discussionComments.id, comment.id), isNull(discussionComments.deletedAt)));
  return { id: comment.id, deleted: true };
}

/** One collapsed text, shown because the viewer asked to see it. */
export async function revealText(
  db: Executor,
  viewerId: string,
  clubId: string,
  target: { kind: "thread" | "comment"; id: string },
) {
  if (target.kind === "thread") {
    const thread = await getThread(db, viewerId, clubId, target.id, true);
    return { kind: "thread" as const, id: thread.id, text: thread.text };
  }
  const { comment, thread } = await commentInClub(db, clubId, target.id);
  const [author] = await db.select(authorColumns).from(users).where(eq(users.id, comment.authorId));
  if (!author) throw notFound("No such comment in this club");
  const standing = (await standingsIn(db, viewerId, [thread.meetingId]))(thread.meetingId);
  const shown = shownComment(comment, author, standing, viewerId, true);
  return { kind: "comment" as const, id: shown.id, text: shown.text };
}
