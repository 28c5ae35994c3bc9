import {
  and,
  auditLog,
  clubs,
  discussionComments,
  discussionReports,
  discussionThreads,
  type Executor,
  eq,
  inArray,
  moderationCases,
  sql,
  users,
} from "@booky/db";
import { CASE_ACTIONS, type CaseStatus } from "@booky/domain";
import { notFound } from "../errors.js";
import { listAudit } from "./moderation-audit.js";
import { definePager, pageRows } from "./pagination.js";

const queuePager = definePager({ list: "moderation.queue", order: "desc", key: "timestamp" });

/**
 * The report queue, latest report first: each case with what was reported
 * (a preview of the text as written, moderators see it whatever its state),
 * by how many, the reasons, and the author's history (the actions taken on
 * them before). A club admin's queue is their club's (`clubId`); a site
 * admin's is everyone's. Three queries per page, whatever its length.
 */
export async function listQueue(
  db: Executor,
  input: { status?: CaseStatus; clubId?: string | null; caseId?: string; cursor?: string | null; limit: number },
) {
  const rows = await pageRows(
    db
      .select({
        case: moderationCases,
        club: { id: clubs.id, name: clubs.name, slug: clubs.slug },
        subject: { id: users.id, username: users.username, displayName: users.displayName },
        threadTitle: discussionThreads.title,
        threadExcerpt: discussionThreads.excerpt,
        threadModeration: discussionThreads.moderation,
        commentExcerpt: discussionComments.excerpt,
        commentThreadId: discussionComments.threadId,
        commentModeration: discussionComments.moderation,
      })
      .from(moderationCases)
      .innerJoin(clubs, eq(clubs.id, moderationCases.clubId))
      .innerJoin(users, eq(users.id, moderationCases.subjectId))
      .leftJoin(discussionThreads, eq(discussionThreads.id, moderationCases.threadId))
      .leftJoin(discussionComments, eq(discussionComments.id, moderationCases.commentId))
      .$dynamic(),
    queuePager,
    { key: moderationCases.lastReportedAt, id: moderationCases.id },
    input,
    and(
      input.status ? eq(moderationCases.status, input.status) : undefined,
      input.clubId ? eq(moderationCases.clubId, input.clubId) : undefined,
      input.caseId ? eq(moderationCases.id, input.caseId) : undefined,
    ),
  );
  const page = queuePager.page(rows, input.limit, (row) => ({ key: row.case.lastReportedAt, id: row.case.id }));
  const caseIds = page.items.map((row) => row.case.id);
  const subjectIds = [...new Set(page.items.map((row) => row.case.subjectId))];
  const [reasons, history] = await Promise.all([
    caseIds.length
      ? db
          .select({
            caseId: discussionReports.caseId,
            reason: discussionReports.reason,
            count: sql<number>`count(*)::int`,
            details: sql<
              string[]
            >`coalesce((array_agg(${discussionReports.details} order by ${discussionReports.createdAt} desc) filter (where ${discussionReports.details} <> ''))[1:3], '{}')`,
          })
          .from(discussionReports)
          .where(inArray(discussionReports.caseId, caseIds))
          .groupBy(discussionReports.caseId, discussionReports.reason)
      : [],
    subjectIds.length
      ? db
          .select({ userId: auditLog.targetUserId, kind: auditLog.kind, count: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(
            and(
              inArray(auditLog.targetUserId, subjectIds),
              inArray(
                auditLog.kind,
                CASE_ACTIONS.filter((action) => action !== "dismiss"),
              ),
            ),
          )
          .groupBy(auditLog.targetUserId, auditLog.kind)
      : [],
  ]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      ...row.case,
      club: row.club,
      subject: row.subject,
      preview: preview(row),
      reasons: reasons
        .filter((reason) => reason.caseId === row.case.id)
        .map(({ reason, count, details }) => ({ reason, count, details })),
      authorHistory: history
        .filter((entry) => entry.userId === row.case.subjectId)
        .map(({ kind, count }) => ({ kind, count })),
    })),
  };
}

/**
 * One case as the queue shows it, open or resolved, with its history (the
 * audit log's entries about it, newest first); NOT_FOUND when it is not
 * `clubId`'s (a club admin's view) or does not exist.
 */
export async function getCase(db: Executor, caseId: string, clubId?: string | null) {
  const [found] = (await listQueue(db, { caseId, clubId, limit: 1 })).items;
  if (!found) throw notFound("No such case in this club");
  const history = await listAudit(db, { caseId, limit: 50 });
  return { ...found, history: history.items };
}

function preview(row: {
  case: { target: string; threadId: string | null };
  threadTitle: string | null;
  threadExcerpt: string | null;
  threadModeration: string | null;
  commentExcerpt: string | null;
  commentThreadId: string | null;
  commentModeration: string | null;
}) {
  if (row.case.target === "thread") {
    return {
      title: row.threadTitle,
      excerpt: row.threadExcerpt,
      threadId: row.case.threadId,
      moderation: row.threadModeration,
    };
  }
  if (row.case.target === "comment") {
    return {
      title: null,
      excerpt: row.commentExcerpt,
      threadId: row.commentThreadId,
      moderation: row.commentModeration,
    };
  }
  return null;
}
