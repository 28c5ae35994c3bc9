import {
  accountSuspensions,
  asc,
  auditLog,
  clubMutes,
  discussionComments,
  discussionReports,
  discussionThreads,
  inArray,
  moderationCases,
  or,
} from "@booky/db";
import type { TestServer } from "./harness.js";

/** The discussions and moderation rows of the scene's clubs and people, for the "refused calls change nothing" snapshot. */
export function moderationSnapshot(db: TestServer["db"], userIds: string[], clubIds: string[]) {
  return [
    db
      .select()
      .from(discussionThreads)
      .where(inArray(discussionThreads.clubId, clubIds))
      .orderBy(asc(discussionThreads.id)),
    db
      .select()
      .from(discussionComments)
      .where(inArray(discussionComments.authorId, userIds))
      .orderBy(asc(discussionComments.id)),
    db
      .select()
      .from(discussionReports)
      .where(inArray(discussionReports.clubId, clubIds))
      .orderBy(asc(discussionReports.id)),
    db.select().from(moderationCases).where(inArray(moderationCases.clubId, clubIds)).orderBy(asc(moderationCases.id)),
    db.select().from(clubMutes).where(inArray(clubMutes.clubId, clubIds)).orderBy(asc(clubMutes.userId)),
    db
      .select()
      .from(accountSuspensions)
      .where(inArray(accountSuspensions.userId, userIds))
      .orderBy(asc(accountSuspensions.userId)),
    db
      .select()
      .from(auditLog)
      .where(or(inArray(auditLog.clubId, clubIds), inArray(auditLog.targetUserId, userIds)))
      .orderBy(asc(auditLog.id)),
  ];
}
