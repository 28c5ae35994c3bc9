import { auditLog, discussionComments, eq, moderationCases, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";
import { caseOfComment, moderatedClub } from "./moderation-support.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) =>
  Object.keys((await rejectionOf(call)).data?.zodError?.fieldErrors ?? {});

const reportComment = (reader: { client: TestClient }, clubId: string, id: string, details = "") =>
  reader.client.trpc.discussions.report.mutate({
    clubId,
    target: { kind: "comment", id },
    reason: "harassment",
    details,
  });

async function auditOf(clubId: string) {
  return server.db.select().from(auditLog).where(eq(auditLog.clubId, clubId)).orderBy(auditLog.id);
}

describe("the report queue", () => {
  it("gathers the reports of one text in one case: how many, why, a preview, whom it is about", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id, "Rude to everyone");
    await club.bystander.client.trpc.discussions.report.mutate({
      clubId: club.clubId,
      target: { kind: "comment", id: club.comment.id },
      reason: "spam",
    });
    const again = await reportComment(club.ahead, club.clubId, club.comment.id);
    expect(again.duplicate).toBe(true);

    const queued = await caseOfComment(club);
    expect(queued).toMatchObject({
      target: "comment",
      status: "open",
      reporterCount: 2,
      subject: { id: club.behind.user.id },
      preview: { excerpt: "You are all idiots.", threadId: club.thread.id },
    });
    expect(queued.reasons).toEqual(
      expect.arrayContaining([
        { reason: "harassment", count: 1, details: ["Rude to everyone"] },
        { reason: "spam", count: 1, details: [] },
      ]),
    );
    // The site admin's queue has it too, with the club named.
    const site = await club.siteAdmin.client.trpc.admin.queue.query({ clubId: club.clubId });
    expect(site.items.map((item) => [item.id, item.club.id])).toEqual([[queued.id, club.clubId]]);
  });

  it("is for club admins of that club only: members, outsiders and other clubs' admins are refused", async () => {
    const club = await moderatedClub(server);
    const other = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    expect(await codeOf(club.ahead.client.trpc.moderation.queue.query({ clubId: club.clubId }))).toBe("FORBIDDEN");
    expect(await codeOf(club.outsider.client.trpc.moderation.queue.query({ clubId: club.clubId }))).toBe("FORBIDDEN");
    expect(await codeOf(club.ahead.client.trpc.admin.queue.query({}))).toBe("FORBIDDEN");
    const { id } = await caseOfComment(club);
    // Another club's admin naming this club's case through their own club: no such case there.
    expect(
      await codeOf(
        other.admin.client.trpc.moderation.act.mutate({
          clubId: other.clubId,
          caseId: id,
          action: "warn",
          reason: "Be nice",
        }),
      ),
    ).toBe("NOT_FOUND");
    const [stillOpen] = await server.db.select().from(moderationCases).where(eq(moderationCases.id, id));
    expect(stillOpen?.status).toBe("open");
  });

  it("shows one case with its history, open or resolved, to its club's admins and to site admins", async () => {
    const club = await moderatedClub(server);
    const other = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id, "Rude");
    const { id } = await caseOfComment(club);
    const open = await club.admin.client.trpc.moderation.case.query({ clubId: club.clubId, caseId: id });
    expect(open).toMatchObject({ id, status: "open", reporterCount: 1, history: [] });
    expect(open.reasons).toEqual([{ reason: "harassment", count: 1, details: ["Rude"] }]);
    await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: id,
      action: "remove_content",
      reason: "Name-calling",
    });
    const resolved = await club.siteAdmin.client.trpc.admin.case.query({ caseId: id });
    expect(resolved).toMatchObject({ status: "resolved", resolution: "remove_content" });
    expect(resolved.preview?.moderation).toBe("removed");
    expect(resolved.history.map((entry) => [entry.kind, entry.reason, entry.actor?.id])).toEqual([
      ["remove_content", "Name-calling", club.admin.user.id],
    ]);
    // Another club's admin through their own club, a member, and a malformed id.
    expect(await codeOf(other.admin.client.trpc.moderation.case.query({ clubId: other.clubId, caseId: id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(club.ahead.client.trpc.moderation.case.query({ clubId: club.clubId, caseId: id }))).toBe(
      "FORBIDDEN",
    );
    expect(await fieldsOf(club.siteAdmin.client.trpc.admin.case.query({ caseId: "not-a-case" }))).toEqual(["caseId"]);
  });
});

describe("automatic hiding", () => {
  it("hides a text once the configured number of distinct members report it, exactly once under racing reports", async () => {
    const club = await moderatedClub(server);
    const extra = await Promise.all([1, 2, 3].map(() => signedUpClient(server)));
    for (const reader of extra) await reader.client.trpc.clubs.join.mutate({ clubId: club.clubId });
    const reporters = [club.ahead, club.finisher, club.bystander, club.host, ...extra];
    await Promise.all(reporters.map((reader) => reportComment(reader, club.clubId, club.comment.id)));

    const [hidden] = await server.db
      .select()
      .from(discussionComments)
      .where(eq(discussionComments.id, club.comment.id));
    expect(hidden?.moderation).toBe("hidden");
    const hides = (await auditOf(club.clubId)).filter((entry) => entry.kind === "auto_hide");
    expect(hides).toHaveLength(1);
    expect(hides[0]?.actorId).toBeNull();
    const queued = await caseOfComment(club);
    expect(queued.reporterCount).toBe(reporters.length);
    expect(queued.hiddenAt).not.toBeNull();

    const seen = await club.outsider.client.trpc.discussions.comments.query({
      clubId: club.clubId,
      threadId: club.thread.id,
    });
    expect(seen.items[0]).toMatchObject({
      text: null,
      moderated: { state: "hidden", notice: "Hidden pending review" },
    });

    // Dismissing the case shows the text again.
    await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: queued.id,
      action: "dismiss",
      reason: "Heated, not abusive",
    });
    const shown = await club.outsider.client.trpc.discussions.comments.query({
      clubId: club.clubId,
      threadId: club.thread.id,
    });
    expect(shown.items[0]).toMatchObject({ text: { excerpt: "You are all idiots." }, moderated: null });
  });
});

describe("actions", () => {
  it("removes a comment: shown as removed by the moderators, the reason to its author, both sides told", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    const { id } = await caseOfComment(club);
    const done = await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: id,
      action: "remove_content",
      reason: "Insults are not welcome here",
    });
    expect(done).toMatchObject({ action: "remove_content", endsAt: null });

    const asAuthor = await club.behind.client.trpc.discussions.comments.query({
      clubId: club.clubId,
      threadId: club.thread.id,
    });
    expect(asAuthor.items[0]).toMatchObject({
      text: null,
      moderated: { state: "removed", notice: "Removed by the moderators", reason: "Insults are not welcome here" },
    });
    const asOther = await club.ahead.client.trpc.discussions.comments.query({
      clubId: club.clubId,
      threadId: club.thread.id,
    });
    expect(asOther.items[0]).toMatchObject({ text: null, moderated: { state: "removed", reason: null } });

    const authorNews = await club.behind.client.trpc.notifications.list.query({});
    expect(authorNews.items[0]).toMatchObject({
      kind: "moderation",
      data: { action: "remove_content", reason: "Insults are not welcome here" },
    });
    const reporterNews = await club.ahead.client.trpc.notifications.list.query({});
    expect(reporterNews.items[0]).toMatchObject({ kind: "report_resolved", data: { action: "remove_content" } });

    const entries = await auditOf(club.clubId);
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.targetUserId, entry.reason])).toEqual([
      ["remove_content", club.admin.user.id, club.behind.user.id, "Insults are not welcome here"],
    ]);

    // Restoring shows it again, and is logged.
    await club.admin.client.trpc.moderation.restoreContent.mutate({
      clubId: club.clubId,
      kind: "comment",
      id: club.comment.id,
      reason: "On appeal",
    });
    const back = await club.ahead.client.trpc.discussions.comments.query({
      clubId: club.clubId,
      threadId: club.thread.id,
    });
    expect(back.items[0]?.text).not.toBeNull();
    expect((await auditOf(club.clubId)).map((entry) => entry.kind)).toEqual(["remove_content", "restore_content"]);
  });

  it("of two moderators acting on one case at once, exactly one wins; the other is a CONFLICT", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    const { id } = await caseOfComment(club);
    const results = await Promise.allSettled([
      club.admin.client.trpc.moderation.act.mutate({
        clubId: club.clubId,
        caseId: id,
        action: "warn",
        reason: "Mind the tone",
      }),
      club.host.client.trpc.moderation.act.mutate({
        clubId: club.clubId,
        caseId: id,
        action: "remove_content",
        reason: "Insults",
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected");
    expect(await codeOf(Promise.reject(lost?.status === "rejected" ? lost.reason : null))).toBe("CONFLICT");
    expect((await auditOf(club.clubId)).filter((entry) => entry.caseId === id)).toHaveLength(1);
  });

  it("mutes a member for some days: they cannot post there until unmuted", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    const { id } = await caseOfComment(club);
    const muted = await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: id,
      action: "mute",
      reason: "Cool off",
      days: 3,
    });
    expect(muted.endsAt?.getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
    const refusal = await rejectionOf(
      club.behind.client.trpc.discussions.comment.mutate({
        clubId: club.clubId,
        threadId: club.thread.id,
        body: "Again",
      }),
    );
    expect(refusal.data?.code).toBe("FORBIDDEN");
    expect(refusal.message).toMatch(/muted in this club until .*Cool off/);
    const news = await club.behind.client.trpc.notifications.list.query({});
    expect(news.items[0]?.data).toMatchObject({ action: "mute", endsAt: muted.endsAt?.toISOString() });

    await club.admin.client.trpc.moderation.unmute.mutate({
      clubId: club.clubId,
      userId: club.behind.user.id,
      reason: "Served",
    });
    await club.behind.client.trpc.discussions.comment.mutate({
      clubId: club.clubId,
      threadId: club.thread.id,
      body: "Sorry",
    });
    expect(
      await codeOf(
        club.admin.client.trpc.moderation.unmute.mutate({
          clubId: club.clubId,
          userId: club.behind.user.id,
          reason: "Again",
        }),
      ),
    ).toBe("CONFLICT");
  });

  it("removes a reported member from the club; a club admin cannot remove the owner or suspend anyone", async () => {
    const club = await moderatedClub(server);
    await club.ahead.client.trpc.discussions.report.mutate({
      clubId: club.clubId,
      target: { kind: "member", username: club.behind.user.username },
      reason: "harassment",
    });
    const queue = await club.admin.client.trpc.moderation.queue.query({ clubId: club.clubId });
    const memberCase = queue.items.find((item) => item.target === "member");
    if (!memberCase) throw new Error("no member case");
    expect(memberCase.preview).toBeNull();
    expect(
      await fieldsOf(
        club.admin.client.trpc.moderation.act.mutate({
          clubId: club.clubId,
          caseId: memberCase.id,
          action: "suspend",
          reason: "Too much",
          days: 3,
        }),
      ),
    ).toEqual(["action"]);
    expect(
      await fieldsOf(
        club.admin.client.trpc.moderation.act.mutate({
          clubId: club.clubId,
          caseId: memberCase.id,
          action: "remove_content",
          reason: "Too much",
        }),
      ),
    ).toEqual(["action"]);
    await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: memberCase.id,
      action: "remove_from_club",
      reason: "Harassing members",
    });
    expect(
      await codeOf(
        club.behind.client.trpc.discussions.createThread.mutate({ clubId: club.clubId, title: "Back", body: "Hi" }),
      ),
    ).toBe("FORBIDDEN");

    await club.ahead.client.trpc.discussions.report.mutate({
      clubId: club.clubId,
      target: { kind: "member", username: club.host.user.username },
      reason: "other",
    });
    const ownerCase = (await club.admin.client.trpc.moderation.queue.query({ clubId: club.clubId })).items.find(
      (item) => item.subject.id === club.host.user.id,
    );
    if (!ownerCase) throw new Error("no owner case");
    expect(
      await codeOf(
        club.admin.client.trpc.moderation.act.mutate({
          clubId: club.clubId,
          caseId: ownerCase.id,
          action: "remove_from_club",
          reason: "Nope",
        }),
      ),
    ).toBe("FORBIDDEN");
    const [open] = await server.db.select().from(moderationCases).where(eq(moderationCases.id, ownerCase.id));
    expect(open?.status).toBe("open");
  });

  it("refuses bad input with a typed error naming the field, changing nothing", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    const { id } = await caseOfComment(club);
    const act = (input: Record<string, unknown>) =>
      club.admin.client.trpc.moderation.act.mutate({ clubId: club.clubId, caseId: id, ...input } as never);
    expect(await fieldsOf(act({ action: "warn", reason: "" }))).toEqual(["reason"]);
    expect(await fieldsOf(act({ action: "mute", reason: "Cool off" }))).toEqual(["days"]);
    expect(await fieldsOf(act({ action: "mute", reason: "Cool off", days: 0 }))).toEqual(["days"]);
    expect(await fieldsOf(act({ action: "explode", reason: "Cool off" }))).toEqual(["action"]);
    expect(await fieldsOf(act({ action: "warn", reason: "a\u0000b" }))).toEqual(["reason"]);
    expect(await fieldsOf(act({ caseId: "not-a-uuid", action: "warn", reason: "Cool off" }))).toEqual(["caseId"]);
    expect(await codeOf(act({ caseId: crypto.randomUUID(), action: "warn", reason: "Cool off" }))).toBe("NOT_FOUND");
    const [open] = await server.db.select().from(moderationCases).where(eq(moderationCases.id, id));
    expect(open?.status).toBe("open");
    expect(await auditOf(club.clubId)).toEqual([]);
  });
});

describe("the audit log", () => {
  it("is append-only in the database: updates, deletes and truncation are refused", async () => {
    const club = await moderatedClub(server);
    await reportComment(club.ahead, club.clubId, club.comment.id);
    const { id } = await caseOfComment(club);
    await club.admin.client.trpc.moderation.act.mutate({
      clubId: club.clubId,
      caseId: id,
      action: "warn",
      reason: "Mind it",
    });
    const refusal = (statement: ReturnType<typeof sql>) =>
      server.db.execute(statement).then(
        () => "accepted",
        (error: { cause?: { message?: string }; message: string }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`update audit_log set reason = 'nothing' where club_id = ${club.clubId}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from audit_log where club_id = ${club.clubId}`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only/);
    expect(await auditOf(club.clubId)).toHaveLength(1);
  });

  it("reads with filters: a club admin their club's, a site admin everyone's", async () => {
    const club = await moderatedClub(server);
    const other = await moderatedClub(server);
    for (const scene of [club, other]) {
      await reportComment(scene.ahead, scene.clubId, scene.comment.id);
      const { id } = await caseOfComment(scene);
      await scene.admin.client.trpc.moderation.act.mutate({
        clubId: scene.clubId,
        caseId: id,
        action: "warn",
        reason: "Mind it",
      });
    }
    const mine = await club.admin.client.trpc.moderation.audit.query({ clubId: club.clubId });
    expect(mine.items.map((entry) => [entry.kind, entry.clubId, entry.actor?.id])).toEqual([
      ["warn", club.clubId, club.admin.user.id],
    ]);
    expect(await codeOf(club.ahead.client.trpc.moderation.audit.query({ clubId: club.clubId }))).toBe("FORBIDDEN");
    expect(await codeOf(club.admin.client.trpc.admin.audit.query({}))).toBe("FORBIDDEN");

    const site = club.siteAdmin.client.trpc.admin.audit;
    const byActor = await site.query({ actorId: other.admin.user.id });
    expect(byActor.items.map((entry) => entry.clubId)).toEqual([other.clubId]);
    const byTarget = await site.query({ targetUserId: club.behind.user.id, kind: "warn" });
    expect(byTarget.items.map((entry) => entry.clubId)).toEqual([club.clubId]);
    expect((await site.query({ kind: "ban" })).items).toEqual([]);
    expect((await site.query({ from: new Date(Date.now() + 60_000) })).items).toEqual([]);
    const paged = await site.query({ limit: 1, kind: "warn" });
    expect(paged.items).toHaveLength(1);
    const rest = await site.query({ limit: 1, kind: "warn", cursor: paged.nextCursor });
    expect(rest.items[0]?.id).not.toBe(paged.items[0]?.id);
    expect(await fieldsOf(site.query({ kind: "nonsense" as never }))).toEqual(["kind"]);
  });
});
