import {
  accountSuspensions,
  clubMutes,
  discussionComments,
  discussionReports,
  discussionThreads,
  moderationCases,
  sql,
} from "@booky/db";
import type { Scene } from "./authorization-fixture.js";
import { type Case, clubAdmins, inClub, outcomes, personal } from "./authorization-rows.js";

const siteAdmins = outcomes({ ok: ["siteAdmin"] });
const nobody = outcomes({});
const days = () => new Date(Date.now() + 3 * 86_400_000);

/** A comment by the scene's member in `clubId` (the scene's club unless given), reported by a stranger, and its case. */
async function reportedComment(scene: Scene, clubId = scene.club.id, authorId = scene.people.member.id) {
  const [thread] = await scene.db
    .insert(discussionThreads)
    .values({ clubId, authorId, title: "A thread", body: "Text", bodyHtml: "<p>Text</p>", excerpt: "Text" })
    .returning({ id: discussionThreads.id });
  const [comment] = await scene.db
    .insert(discussionComments)
    .values({
      threadId: thread?.id ?? "",
      authorId,
      body: "Rude",
      bodyHtml: "<p>Rude</p>",
      excerpt: "Rude",
      sortKey: "0",
    })
    .returning({ id: discussionComments.id });
  const commentId = comment?.id ?? "";
  const [opened] = await scene.db
    .insert(moderationCases)
    .values({
      clubId,
      target: "comment",
      targetKey: `comment:${commentId}`,
      commentId,
      subjectId: authorId,
      reporterCount: 1,
    })
    .returning({ id: moderationCases.id });
  await scene.db.insert(discussionReports).values({
    clubId,
    reporterId: scene.people.stranger.id,
    target: "comment",
    commentId,
    reason: "harassment",
    caseId: opened?.id ?? null,
  });
  return { caseId: opened?.id ?? "", commentId };
}

/** A comment of the scene's club, removed by the moderators. */
async function removedComment(scene: Scene) {
  const { commentId } = await reportedComment(scene);
  await scene.db
    .update(discussionComments)
    .set({ moderation: "removed", moderationReason: "Rude" })
    .where(sql`${discussionComments.id} = ${commentId}`);
  return commentId;
}

async function mutedMember(scene: Scene) {
  await scene.db.insert(clubMutes).values({
    clubId: scene.club.id,
    userId: scene.people.member.id,
    endsAt: days(),
    reason: "Cool off",
    mutedBy: scene.people.owner.id,
  });
}

const someCase = { prepare: (s: Scene) => reportedComment(s) };
const anotherClubsCase = {
  label: "another club's case",
  prepare: async (s: Scene) => {
    const other = await s.otherClub();
    return reportedComment(s, other.id, other.memberId);
  },
};

/** Moderation (club admins, their club only) and site administration (site admins only). */
export function moderationRows(): Record<string, Case | Case[]> {
  return {
    "moderation.queue": inClub(clubAdmins, (t, s) => t.moderation.queue.query({ clubId: s.club.id })),
    "moderation.case": [
      inClub(clubAdmins, someCase, (t, s, c) => t.moderation.case.query({ clubId: s.club.id, caseId: c.caseId })),
      inClub(outcomes({ NOT_FOUND: ["clubAdmin", "owner"] }), anotherClubsCase, (t, s, c) =>
        t.moderation.case.query({ clubId: s.club.id, caseId: c.caseId }),
      ),
    ],
    "moderation.act": [
      inClub(clubAdmins, someCase, (t, s, c) =>
        t.moderation.act.mutate({ clubId: s.club.id, caseId: c.caseId, action: "warn", reason: "Mind the tone" }),
      ),
      inClub(outcomes({ NOT_FOUND: ["clubAdmin", "owner"] }), anotherClubsCase, (t, s, c) =>
        t.moderation.act.mutate({ clubId: s.club.id, caseId: c.caseId, action: "warn", reason: "Mind the tone" }),
      ),
    ],
    "moderation.restoreContent": inClub(clubAdmins, { prepare: removedComment }, (t, s, id) =>
      t.moderation.restoreContent.mutate({ clubId: s.club.id, kind: "comment", id, reason: "On appeal" }),
    ),
    "moderation.unmute": inClub(clubAdmins, { prepare: mutedMember }, (t, s) =>
      t.moderation.unmute.mutate({ clubId: s.club.id, userId: s.people.member.id, reason: "Served" }),
    ),
    "moderation.audit": inClub(clubAdmins, (t, s) => t.moderation.audit.query({ clubId: s.club.id })),

    "admin.queue": personal(siteAdmins, (t) => t.admin.queue.query({})),
    "admin.case": personal(siteAdmins, someCase, (t, _s, c) => t.admin.case.query({ caseId: c.caseId })),
    "admin.act": personal(siteAdmins, someCase, (t, _s, c) =>
      t.admin.act.mutate({ caseId: c.caseId, action: "suspend", reason: "Harassment", days: 3 }),
    ),
    "admin.restoreContent": personal(siteAdmins, { prepare: removedComment }, (t, s, id) =>
      t.admin.restoreContent.mutate({ clubId: s.club.id, kind: "comment", id, reason: "On appeal" }),
    ),
    "admin.unmute": personal(siteAdmins, { prepare: mutedMember }, (t, s) =>
      t.admin.unmute.mutate({ clubId: s.club.id, userId: s.people.member.id, reason: "Served" }),
    ),
    "admin.suspend": [
      personal(siteAdmins, (t, s) =>
        t.admin.suspend.mutate({ userId: s.people.member.id, kind: "suspended", reason: "Spam", days: 3 }),
      ),
      personal(nobody, { label: "own account" }, (t, s, _p, actor) =>
        t.admin.suspend.mutate({ userId: (actor ?? s.people.siteAdmin).id, kind: "banned", reason: "Myself" }),
      ),
    ],
    "admin.restoreAccount": personal(
      siteAdmins,
      {
        // The stranger: a banned caller would be refused as signed out before the builder looks at the role.
        prepare: async (s) => {
          await s.db.insert(accountSuspensions).values({
            userId: s.people.stranger.id,
            kind: "banned",
            reason: "Spam",
            suspendedBy: s.people.siteAdmin.id,
          });
        },
      },
      (t, s) => t.admin.restoreAccount.mutate({ userId: s.people.stranger.id, reason: "Appeal granted" }),
    ),
    "admin.setRole": personal(siteAdmins, (t, s) =>
      t.admin.setRole.mutate({ userId: s.people.member.id, role: "admin", reason: "Helps a lot" }),
    ),
    "admin.archiveClub": personal(siteAdmins, (t, s) =>
      t.admin.archiveClub.mutate({ clubId: s.club.id, archived: true, reason: "Abandoned" }),
    ),
    "admin.members": personal(siteAdmins, (t) => t.admin.members.query({ query: "a" })),
    "admin.member": personal(siteAdmins, (t, s) => t.admin.member.query({ userId: s.people.member.id })),
    "admin.audit": personal(siteAdmins, (t) => t.admin.audit.query({})),
    "admin.dashboard": personal(siteAdmins, (t) => t.admin.dashboard.query()),
  };
}
