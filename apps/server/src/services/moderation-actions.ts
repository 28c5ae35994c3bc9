import {
  and,
  type Database,
  discussionComments,
  discussionReports,
  discussionThreads,
  type Executor,
  eq,
  type ModerationCase,
  moderationCases,
  sql,
} from "@booky/db";
import {
  type actInput,
  actionAllowed,
  type CaseAction,
  type ContentModeration,
  canRemoveMember,
  type ModeratorScope,
  type restoreContentInput,
  sanctionEnd,
} from "@booky/domain";
import type { z } from "zod";
import { conflict, fieldError, forbidden, notFound } from "../errors.js";
import { suspendAccount } from "./account-suspensions.js";
import { guardSiteAction } from "./admin-guard.js";
import { findMemberRole, removeMembership } from "./clubs.js";
import { appendAudit } from "./moderation-audit.js";
import { muteInClub } from "./moderation-mutes.js";
import { notify } from "./notifications.js";

/** Who moderates: a club admin (for `clubId` only) or a site admin (everywhere). */
export type Moderator = { userId: string; scope: "club"; clubId: string } | { userId: string; scope: "site" };

const scopeOf = (moderator: Moderator): ModeratorScope => moderator.scope;

/**
 * A moderator's action on a case: it resolves the case's reports, applies
 * the action, appends it to the audit log and tells the member it falls on
 * (with the reason and any end date) and every reporter. The resolution is a
 * compare-and-set on `status = 'open'`: of two moderators acting on one case
 * at once, one wins and the other gets CONFLICT with nothing changed.
 */
export async function actOnCase(db: Database, moderator: Moderator, input: z.output<typeof actInput>) {
  return db.transaction(async (tx) => {
    const found = await caseFor(tx, moderator, input.caseId);
    if (!actionAllowed(scopeOf(moderator), input.action, found.target)) {
      throw fieldError("action", refusalOf(input.action));
    }
    if (input.action !== "dismiss" && input.action !== "remove_content" && found.subjectId === moderator.userId) {
      throw forbidden("You cannot act on your own account");
    }
    const [won] = await tx
      .update(moderationCases)
      .set({
        status: "resolved",
        resolvedAt: sql`now()`,
        resolvedBy: moderator.userId,
        resolution: input.action,
        resolutionReason: input.reason,
      })
      .where(and(eq(moderationCases.id, found.id), eq(moderationCases.status, "open")))
      .returning({ id: moderationCases.id });
    if (!won) throw conflict("Another moderator has already handled this case");
    const endsAt = await apply(tx, moderator, found, input);
    await appendAudit(tx, {
      actorId: moderator.userId,
      kind: input.action,
      clubId: found.clubId,
      caseId: found.id,
      targetUserId: found.subjectId,
      threadId: found.threadId,
      commentId: found.commentId,
      reason: input.reason,
      data: endsAt ? { endsAt: endsAt.toISOString() } : {},
    });
    await tellAboutAction(tx, moderator.userId, found, input.action, input.reason, endsAt);
    return { caseId: found.id, action: input.action, endsAt };
  });
}

function refusalOf(action: CaseAction): string {
  if (action === "remove_content") return "A member is not content: warn, mute or remove them instead";
  return "Only site admins suspend or ban accounts";
}

/** The case, if the moderator may see it (a club admin: their club's only); NOT_FOUND otherwise. */
async function caseFor(db: Executor, moderator: Moderator, caseId: string) {
  const [found] = await db
    .select()
    .from(moderationCases)
    .where(
      and(
        eq(moderationCases.id, caseId),
        moderator.scope === "club" ? eq(moderationCases.clubId, moderator.clubId) : undefined,
      ),
    );
  if (!found) throw notFound("No such case");
  return found;
}

/** What the action does beyond resolving the case; the end date of a mute or suspension. */
async function apply(
  tx: Executor,
  moderator: Moderator,
  found: ModerationCase,
  input: z.output<typeof actInput>,
): Promise<Date | null> {
  const now = new Date();
  switch (input.action) {
    case "dismiss":
      if (found.hiddenAt) await setContentModeration(tx, found, null, null, "hidden");
      return null;
    case "remove_content":
      await setContentModeration(tx, found, "removed", input.reason);
      return null;
    case "warn":
      return null;
    case "mute": {
      const endsAt = sanctionEnd(now, "mute", input.days ?? null) as Date;
      await muteInClub(tx, {
        clubId: found.clubId,
        userId: found.subjectId,
        endsAt,
        reason: input.reason,
        mutedBy: moderator.userId,
      });
      return endsAt;
    }
    case "remove_from_club": {
      const role = await findMemberRole(tx, found.clubId, found.subjectId);
      if (!role) throw conflict("This member has already left the club");
      const allowed = moderator.scope === "site" ? role !== "owner" : canRemoveMember("admin", role);
      if (!allowed) throw forbidden(`You cannot remove a club ${role}`);
      await removeMembership(tx, found.clubId, found.subjectId);
      return null;
    }
    case "suspend":
    case "ban": {
      await guardSiteAction(tx, moderator.userId, found.subjectId);
      const kind = input.action === "ban" ? "banned" : "suspended";
      const endsAt = sanctionEnd(now, kind, input.days ?? null);
      await suspendAccount(tx, {
        userId: found.subjectId,
        kind,
        reason: input.reason,
        endsAt,
        suspendedBy: moderator.userId,
      });
      return endsAt;
    }
  }
}

/** Marks a case's text hidden, removed, or shown again (`only`: when it is in that state now). */
async function setContentModeration(
  tx: Executor,
  found: Pick<ModerationCase, "threadId" | "commentId">,
  state: ContentModeration | null,
  reason: string | null,
  only?: ContentModeration,
) {
  const change = { moderation: state, moderationReason: reason };
  if (found.commentId) {
    await tx
      .update(discussionComments)
      .set(change)
      .where(
        and(eq(discussionComments.id, found.commentId), only ? eq(discussionComments.moderation, only) : undefined),
      );
  } else if (found.threadId) {
    await tx
      .update(discussionThreads)
      .set(change)
      .where(and(eq(discussionThreads.id, found.threadId), only ? eq(discussionThreads.moderation, only) : undefined));
  }
}

/** The member the action falls on hears what, why and until when; each reporter hears that it was handled. */
async function tellAboutAction(
  tx: Executor,
  actorId: string,
  found: ModerationCase,
  action: CaseAction,
  reason: string,
  endsAt: Date | null,
) {
  const reporters = await tx
    .selectDistinct({ id: discussionReports.reporterId })
    .from(discussionReports)
    .where(eq(discussionReports.caseId, found.id));
  const about = { actorId, clubId: found.clubId, threadId: found.threadId, commentId: found.commentId };
  await notify(tx, [
    ...(action === "dismiss"
      ? []
      : [
          {
            ...about,
            userId: found.subjectId,
            kind: "moderation" as const,
            data: { action, reason, endsAt: endsAt?.toISOString() ?? null },
          },
        ]),
    ...reporters.map((reporter) => ({
      ...about,
      userId: reporter.id,
      kind: "report_resolved" as const,
      data: { action },
    })),
  ]);
}

/** A moderator shows a hidden or removed text again; its author is told. */
export async function restoreContent(
  db: Database,
  moderator: Moderator,
  input: Omit<z.output<typeof restoreContentInput>, "clubId"> & { clubId: string },
) {
  if (moderator.scope === "club" && moderator.clubId !== input.clubId) throw notFound("No such text in this club");
  return db.transaction(async (tx) => {
    const text = await moderatedText(tx, input);
    const found = {
      threadId: input.kind === "thread" ? text.id : null,
      commentId: input.kind === "comment" ? text.id : null,
    };
    await setContentModeration(tx, found, null, null);
    await appendAudit(tx, {
      actorId: moderator.userId,
      kind: "restore_content",
      clubId: input.clubId,
      targetUserId: text.authorId,
      ...found,
      reason: input.reason,
    });
    await notify(tx, [
      {
        actorId: moderator.userId,
        userId: text.authorId,
        clubId: input.clubId,
        ...found,
        kind: "moderation",
        data: { action: "restore_content", reason: input.reason, endsAt: null },
      },
    ]);
    return { id: text.id, restored: true };
  });
}

/** A hidden or removed text of the club, locked; NOT_FOUND when there is none, CONFLICT when it is shown. */
async function moderatedText(tx: Executor, input: { clubId: string; kind: "thread" | "comment"; id: string }) {
  const [text] =
    input.kind === "thread"
      ? await tx
          .select({
            id: discussionThreads.id,
            authorId: discussionThreads.authorId,
            moderation: discussionThreads.moderation,
          })
          .from(discussionThreads)
          .where(and(eq(discussionThreads.id, input.id), eq(discussionThreads.clubId, input.clubId)))
          .for("update")
      : await tx
          .select({
            id: discussionComments.id,
            authorId: discussionComments.authorId,
            moderation: discussionComments.moderation,
          })
          .from(discussionComments)
          .innerJoin(discussionThreads, eq(discussionThreads.id, discussionComments.threadId))
          .where(and(eq(discussionComments.id, input.id), eq(discussionThreads.clubId, input.clubId)))
          .for("update", { of: discussionComments });
  if (!text) throw notFound("No such text in this club");
  if (!text.moderation) throw conflict("This text is shown: there is nothing to restore");
  return text;
}
