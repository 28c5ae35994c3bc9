import {
  commentIdInput,
  createCommentInput,
  createThreadInput,
  editCommentInput,
  editThreadInput,
  listCommentsInput,
  listThreadsInput,
  previewInput,
  reportInput,
  revealInput,
  setLockedInput,
  setPinnedInput,
  threadIdInput,
} from "@booky/domain";
import {
  createThread,
  deleteThread,
  editThread,
  getThread,
  listThreads,
  moderateThread,
  readThread,
} from "../services/discussions.js";
import {
  createComment,
  deleteComment,
  editComment,
  listComments,
  revealText,
} from "../services/discussions-comments.js";
import { report } from "../services/discussions-reports.js";
import { renderMarkdown } from "../services/markdown.js";
import { authedProcedure, clubContentProcedure, clubRoleProcedure, router } from "../trpc.js";

/** Who acts: the club, the caller and their role, as the builder proved them. */
const caller = (ctx: {
  club: { id: string; archivedAt: Date | null };
  user: { id: string };
  role: "member" | "admin" | "owner" | null;
}) => ({
  club: ctx.club,
  userId: ctx.user.id,
  role: ctx.role,
});

/**
 * A club's discussions: who may read them is the club's content rule
 * (private clubs' for members only); members write, club admins moderate.
 * Every text passes the spoiler guard for the caller.
 */
export const discussionsRouter = router({
  /** A club's general threads, or a meeting's (`meetingId`), latest activity first, each flagged when unread. */
  threads: clubContentProcedure
    .input(listThreadsInput)
    .query(({ ctx, input }) => listThreads(ctx.db, ctx.user.id, ctx.club.id, input)),

  thread: clubContentProcedure
    .input(threadIdInput)
    .query(({ ctx, input }) => getThread(ctx.db, ctx.user.id, ctx.club.id, input.threadId)),

  comments: clubContentProcedure
    .input(listCommentsInput)
    .query(({ ctx, input }) => listComments(ctx.db, ctx.user.id, ctx.club.id, input.threadId, input)),

  /** One collapsed text, because the caller chose to see it. */
  reveal: clubContentProcedure
    .input(revealInput)
    .query(({ ctx, input }) => revealText(ctx.db, ctx.user.id, ctx.club.id, input)),

  markRead: clubContentProcedure
    .input(threadIdInput)
    .mutation(({ ctx, input }) => readThread(ctx.db, ctx.user.id, ctx.club.id, input.threadId)),

  createThread: clubRoleProcedure("member")
    .input(createThreadInput)
    .mutation(({ ctx, input: { clubId: _clubId, ...details } }) => createThread(ctx.db, caller(ctx), details)),

  editThread: clubRoleProcedure("member")
    .input(editThreadInput)
    .mutation(({ ctx, input }) => editThread(ctx.db, caller(ctx), input.threadId, input.changes)),

  deleteThread: clubRoleProcedure("member")
    .input(threadIdInput)
    .mutation(({ ctx, input }) => deleteThread(ctx.db, caller(ctx), input.threadId)),

  pin: clubRoleProcedure("admin")
    .input(setPinnedInput)
    .mutation(({ ctx, input }) => moderateThread(ctx.db, ctx.club.id, input.threadId, { pinned: input.pinned })),

  lock: clubRoleProcedure("admin")
    .input(setLockedInput)
    .mutation(({ ctx, input }) => moderateThread(ctx.db, ctx.club.id, input.threadId, { locked: input.locked })),

  comment: clubRoleProcedure("member")
    .input(createCommentInput)
    .mutation(({ ctx, input: { clubId: _clubId, ...details } }) => createComment(ctx.db, caller(ctx), details)),

  editComment: clubRoleProcedure("member")
    .input(editCommentInput)
    .mutation(({ ctx, input }) => editComment(ctx.db, caller(ctx), input.commentId, input.changes)),

  deleteComment: clubRoleProcedure("member")
    .input(commentIdInput)
    .mutation(({ ctx, input }) => deleteComment(ctx.db, caller(ctx), input.commentId)),

  report: clubRoleProcedure("member")
    .input(reportInput)
    .mutation(({ ctx, input: { clubId: _clubId, ...details } }) =>
      report(ctx.db, ctx.deps.config.MODERATION_AUTO_HIDE_REPORTS, ctx.user.id, ctx.club.id, details),
    ),

  /** The Markdown as it will be shown (a mutation: a long draft does not fit a GET's URL). */
  preview: authedProcedure.input(previewInput).mutation(({ input }) => ({ html: renderMarkdown(input.body) })),
});
