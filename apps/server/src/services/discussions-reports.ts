import {
  and,
  clubMembers,
  discussionComments,
  discussionReports,
  discussionThreads,
  type Executor,
  eq,
  sql,
  users,
} from "@booky/db";
import type { reportInput } from "@booky/domain";
import type { z } from "zod";
import { fieldError } from "../errors.js";

/**
 * A member reports a thread, a comment or a member of the club, with a
 * reason; reports wait for the moderators' queue. Reporting the same thing
 * again is a no-op (one report per reporter and target).
 */
export async function report(
  db: Executor,
  reporterId: string,
  clubId: string,
  input: Omit<z.output<typeof reportInput>, "clubId">,
) {
  const target = await resolveTarget(db, clubId, input.target);
  const [saved] = await db
    .insert(discussionReports)
    .values({ clubId, reporterId, reason: input.reason, details: input.details, ...target })
    .onConflictDoNothing()
    .returning({ id: discussionReports.id });
  return { reported: true, duplicate: !saved };
}

async function resolveTarget(db: Executor, clubId: string, target: z.output<typeof reportInput>["target"]) {
  if (target.kind === "thread") {
    const [thread] = await db
      .select({ id: discussionThreads.id })
      .from(discussionThreads)
      .where(and(eq(discussionThreads.id, target.id), eq(discussionThreads.clubId, clubId)));
    if (!thread) throw fieldError("target", "No such thread in this club");
    return { target: "thread" as const, threadId: thread.id };
  }
  if (target.kind === "comment") {
    const [comment] = await db
      .select({ id: discussionComments.id })
      .from(discussionComments)
      .innerJoin(discussionThreads, eq(discussionThreads.id, discussionComments.threadId))
      .where(and(eq(discussionComments.id, target.id), eq(discussionThreads.clubId, clubId)));
    if (!comment) throw fieldError("target", "No such comment in this club");
    return { target: "comment" as const, commentId: comment.id };
  }
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(clubMembers, and(eq(clubMembers.userId, users.id), eq(clubMembers.clubId, clubId)))
    .where(sql`lower(${users.username}) = ${target.username}`);
  if (!member) throw fieldError("target", "No such member in this club");
  return { target: "member" as const, userId: member.id };
}
