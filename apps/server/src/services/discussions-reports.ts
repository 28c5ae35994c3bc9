import {
  and,
  clubMembers,
  type Database,
  discussionComments,
  discussionReports,
  discussionThreads,
  type Executor,
  eq,
  isNull,
  moderationCases,
  sql,
  users,
} from "@booky/db";
import { type reportInput, tipsAutoHide } from "@booky/domain";
import type { z } from "zod";
import { fieldError } from "../errors.js";
import { appendAudit } from "./moderation-audit.js";

type Target = Awaited<ReturnType<typeof resolveTarget>>;

/**
 * A member reports a thread, a comment or a member of the club, with a
 * reason. The report joins the target's open moderation case (one is opened
 * when none is), whose `reporter_count` counts distinct reporters; the report
 * that brings it to `autoHideAt` hides the text pending review. The count
 * moves under the case's row lock, so of racing reports exactly one tips it.
 * Reporting the same thing again is a no-op (one report per reporter and target).
 */
export async function report(
  db: Database,
  autoHideAt: number,
  reporterId: string,
  clubId: string,
  input: Omit<z.output<typeof reportInput>, "clubId">,
) {
  const target = await resolveTarget(db, clubId, input.target);
  return db.transaction(async (tx) => {
    const { subjectId: _subject, ...columns } = target;
    const [saved] = await tx
      .insert(discussionReports)
      .values({ clubId, reporterId, reason: input.reason, details: input.details, ...columns })
      .onConflictDoNothing()
      .returning({ id: discussionReports.id });
    if (!saved) return { reported: true, duplicate: true };
    const opened = await joinCase(tx, clubId, target);
    await tx.update(discussionReports).set({ caseId: opened.id }).where(eq(discussionReports.id, saved.id));
    if (target.target !== "member" && tipsAutoHide(opened.reporterCount, autoHideAt)) {
      await autoHide(tx, clubId, opened.id, target);
    }
    return { reported: true, duplicate: false };
  });
}

/** The target's open case, opened now if there is none; one more reporter either way. */
async function joinCase(tx: Executor, clubId: string, target: Target) {
  const [opened] = await tx
    .insert(moderationCases)
    .values({
      clubId,
      target: target.target,
      targetKey: targetKey(clubId, target),
      threadId: target.target === "thread" ? target.threadId : null,
      commentId: target.target === "comment" ? target.commentId : null,
      subjectId: target.subjectId,
      reporterCount: 1,
    })
    .onConflictDoUpdate({
      target: moderationCases.targetKey,
      targetWhere: sql`${moderationCases.status} = 'open'`,
      set: { reporterCount: sql`${moderationCases.reporterCount} + 1`, lastReportedAt: sql`now()` },
    })
    .returning({ id: moderationCases.id, reporterCount: moderationCases.reporterCount });
  if (!opened) throw new Error("case upsert returned nothing");
  return opened;
}

/** The case key: one open case per text, or per member within a club. */
function targetKey(clubId: string, target: Target): string {
  if (target.target === "thread") return `thread:${target.threadId}`;
  if (target.target === "comment") return `comment:${target.commentId}`;
  return `member:${clubId}:${target.userId}`;
}

/** Hides a reported text pending review, and says so in the audit log (Booky acted: no actor). */
async function autoHide(tx: Executor, clubId: string, caseId: string, target: Target) {
  const hidden = { moderation: "hidden" as const, moderationReason: "Reported by several members" };
  if (target.target === "thread") {
    await tx
      .update(discussionThreads)
      .set(hidden)
      .where(and(eq(discussionThreads.id, target.threadId), isNull(discussionThreads.moderation)));
  } else if (target.target === "comment") {
    await tx
      .update(discussionComments)
      .set(hidden)
      .where(and(eq(discussionComments.id, target.commentId), isNull(discussionComments.moderation)));
  }
  await tx.update(moderationCases).set({ hiddenAt: sql`now()` }).where(eq(moderationCases.id, caseId));
  await appendAudit(tx, {
    actorId: null,
    kind: "auto_hide",
    clubId,
    caseId,
    targetUserId: target.subjectId,
    threadId: target.target === "thread" ? target.threadId : null,
    commentId: target.target === "comment" ? target.commentId : null,
    reason: hidden.moderationReason,
  });
}

/** The reported thing in this club, and whom it is about (the text's author or the member). */
async function resolveTarget(db: Executor, clubId: string, target: z.output<typeof reportInput>["target"]) {
  if (target.kind === "thread") {
    const [thread] = await db
      .select({ id: discussionThreads.id, authorId: discussionThreads.authorId })
      .from(discussionThreads)
      .where(and(eq(discussionThreads.id, target.id), eq(discussionThreads.clubId, clubId)));
    if (!thread) throw fieldError("target", "No such thread in this club");
    return { target: "thread" as const, threadId: thread.id, subjectId: thread.authorId };
  }
  if (target.kind === "comment") {
    const [comment] = await db
      .select({ id: discussionComments.id, authorId: discussionComments.authorId })
      .from(discussionComments)
      .innerJoin(discussionThreads, eq(discussionThreads.id, discussionComments.threadId))
      .where(and(eq(discussionComments.id, target.id), eq(discussionThreads.clubId, clubId)));
    if (!comment) throw fieldError("target", "No such comment in this club");
    return { target: "comment" as const, commentId: comment.id, subjectId: comment.authorId };
  }
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(clubMembers, and(eq(clubMembers.userId, users.id), eq(clubMembers.clubId, clubId)))
    .where(sql`lower(${users.username}) = ${target.username}`);
  if (!member) throw fieldError("target", "No such member in this club");
  return { target: "member" as const, userId: member.id, subjectId: member.id };
}
