import { auditLog, eq, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { countSiteTotals } from "../src/services/admin-dashboard.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { moderatedClub, siteAdminClient } from "./moderation-support.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

describe("suspensions and bans", () => {
  it("take effect at once: sessions revoked, tokens refused, log-in says why and until when; restoring reverses it", async () => {
    const admin = await siteAdminClient(server);
    const member = await signedUpClient(server);
    const otherDevice = server.client();
    await otherDevice.trpc.auth.logIn.mutate({ email: member.details.email, password: member.details.password });

    const suspended = await admin.client.trpc.admin.suspend.mutate({
      userId: member.user.id,
      kind: "suspended",
      reason: "Spamming clubs",
      days: 7,
    });
    expect(suspended.revokedSessions).toBe(2);
    expect(await codeOf(member.client.trpc.users.updateProfile.mutate({ bio: "x" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(otherDevice.trpc.auth.refresh.mutate())).toBe("UNAUTHORIZED");

    const refusal = await rejectionOf(
      server.client().trpc.auth.logIn.mutate({ email: member.details.email, password: member.details.password }),
    );
    expect(refusal.data?.code).toBe("FORBIDDEN");
    expect(refusal.message).toContain("Spamming clubs");
    expect(refusal.message).toContain(suspended.endsAt?.toISOString());
    expect(refusal.message).toMatch(/appeal/i);
    expect(refusal.data?.current).toMatchObject({ kind: "suspended", reason: "Spamming clubs" });
    // A wrong password still says only that: nothing about the account leaks.
    expect(
      (
        await rejectionOf(
          server.client().trpc.auth.logIn.mutate({ email: member.details.email, password: "wrong one!" }),
        )
      ).data?.code,
    ).toBe("UNAUTHORIZED");

    await admin.client.trpc.admin.restoreAccount.mutate({ userId: member.user.id, reason: "Appeal granted" });
    const back = server.client();
    const grant = await back.trpc.auth.logIn.mutate({ email: member.details.email, password: member.details.password });
    back.accessToken = grant.accessToken;
    const news = await back.trpc.notifications.list.query({});
    expect(news.items.map((item) => item.data.action)).toEqual(["restore_account", "suspend"]);
    expect(news.items[1]?.data).toMatchObject({ reason: "Spamming clubs", endsAt: suspended.endsAt?.toISOString() });
    const kinds = await server.db
      .select({ kind: auditLog.kind })
      .from(auditLog)
      .where(eq(auditLog.targetUserId, member.user.id));
    expect(kinds.map((row) => row.kind)).toEqual(["suspend", "restore_account"]);
  });

  it("a ban from the queue has no end date", async () => {
    const club = await moderatedClub(server);
    await club.ahead.client.trpc.discussions.report.mutate({
      clubId: club.clubId,
      target: { kind: "comment", id: club.comment.id },
      reason: "harassment",
    });
    const queue = await club.siteAdmin.client.trpc.admin.queue.query({});
    const found = queue.items.find((item) => item.commentId === club.comment.id);
    const banned = await club.siteAdmin.client.trpc.admin.act.mutate({
      caseId: found?.id ?? "",
      action: "ban",
      reason: "Repeated harassment",
    });
    expect(banned.endsAt).toBeNull();
    const refusal = await rejectionOf(
      server
        .client()
        .trpc.auth.logIn.mutate({ email: club.behind.details.email, password: club.behind.details.password }),
    );
    expect(refusal.message).toMatch(/permanently banned.*Repeated harassment/);
  });

  it("racing requests in flight: each is answered or refused as signed out, and none is accepted afterwards", async () => {
    const admin = await siteAdminClient(server);
    const member = await signedUpClient(server);
    const inFlight = Array.from({ length: 8 }, () =>
      member.client.trpc.users.updateProfile.mutate({ bio: "Still here" }).then(
        () => "ok",
        (error: { data?: { code?: string } }) => error.data?.code,
      ),
    );
    const suspension = admin.client.trpc.admin.suspend.mutate({
      userId: member.user.id,
      kind: "suspended",
      reason: "Abuse",
      days: 1,
    });
    const outcomes = await Promise.all(inFlight);
    await suspension;
    expect(outcomes.every((outcome) => outcome === "ok" || outcome === "UNAUTHORIZED")).toBe(true);
    expect(await codeOf(member.client.trpc.users.updateProfile.mutate({ bio: "After" }))).toBe("UNAUTHORIZED");
    const live = await server.db.select().from(sessions).where(eq(sessions.userId, member.user.id));
    expect(live.every((session) => session.revokedReason === "suspended")).toBe(true);
  });
});

describe("the site-admin guard", () => {
  it("an admin cannot act on their own account", async () => {
    const admin = await siteAdminClient(server);
    const self = admin.user.id;
    expect(
      await codeOf(admin.client.trpc.admin.suspend.mutate({ userId: self, kind: "banned", reason: "Testing myself" })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(admin.client.trpc.admin.setRole.mutate({ userId: self, role: "user", reason: "Stepping down" })),
    ).toBe("FORBIDDEN");
    const [still] = await server.db.select({ role: users.role }).from(users).where(eq(users.id, self));
    expect(still?.role).toBe("admin");
  });

  it("two admins demoting each other at once: one wins, one admin remains", async () => {
    // Only these two are admins in this test's world.
    await server.db.update(users).set({ role: "user" }).where(eq(users.role, "admin"));
    const first = await siteAdminClient(server);
    const second = await siteAdminClient(server);
    const results = await Promise.allSettled([
      first.client.trpc.admin.setRole.mutate({ userId: second.user.id, role: "user", reason: "Coup" }),
      second.client.trpc.admin.setRole.mutate({ userId: first.user.id, role: "user", reason: "Counter-coup" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const admins = await server.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    expect(admins).toHaveLength(1);
    // The remaining admin is the last: suspending another (non-admin) works, but nobody can demote them.
    const remaining = admins[0]?.id === first.user.id ? first : second;
    const other = remaining === first ? second : first;
    expect(
      await codeOf(
        other.client.trpc.admin.setRole.mutate({ userId: remaining.user.id, role: "user", reason: "Again" }),
      ),
    ).toBe("FORBIDDEN");
    await remaining.client.trpc.admin.setRole.mutate({ userId: other.user.id, role: "admin", reason: "Make up" });
    await other.client.trpc.admin.setRole.mutate({ userId: remaining.user.id, role: "user", reason: "Rotation" });
  });
});

describe("site administration", () => {
  it("logs a site admin's reads of a private club's content, not of public ones or of members", async () => {
    const club = await moderatedClub(server, "private");
    await club.siteAdmin.client.trpc.discussions.threads.query({ clubId: club.clubId });
    await club.siteAdmin.client.trpc.meetings.get.query({ meetingId: club.meetingId });
    await club.ahead.client.trpc.discussions.threads.query({ clubId: club.clubId });
    const reads = await server.db.select().from(auditLog).where(eq(auditLog.clubId, club.clubId));
    expect(reads.map((entry) => [entry.kind, entry.actorId, entry.data.procedure])).toEqual([
      ["read_private_club", club.siteAdmin.user.id, "discussions.threads"],
      ["read_private_club", club.siteAdmin.user.id, "meetings.get"],
    ]);
  });

  it("searches members, shows one with their cases and the actions on them, archives and restores clubs", async () => {
    const club = await moderatedClub(server);
    await club.ahead.client.trpc.discussions.report.mutate({
      clubId: club.clubId,
      target: { kind: "comment", id: club.comment.id },
      reason: "spam",
    });
    const admin = club.siteAdmin.client.trpc.admin;
    const found = await admin.members.query({ query: club.behind.user.username.slice(0, 8) });
    expect(found.items.map((item) => item.id)).toContain(club.behind.user.id);
    const detail = await admin.member.query({ userId: club.behind.user.id });
    expect(detail.cases).toEqual({ open: 1, resolved: 0 });
    expect(detail.member.suspension).toBeNull();

    const archived = await admin.archiveClub.mutate({ clubId: club.clubId, archived: true, reason: "Abandoned" });
    expect(archived.archivedAt).not.toBeNull();
    const restored = await admin.archiveClub.mutate({ clubId: club.clubId, archived: false, reason: "Back" });
    expect(restored.archivedAt).toBeNull();
    expect(
      await codeOf(admin.archiveClub.mutate({ clubId: crypto.randomUUID(), archived: true, reason: "Gone" })),
    ).toBe("NOT_FOUND");

    // Members active lately and the weekly trends are the `count-site-totals` job's counts: it has run once here.
    await countSiteTotals(server.db);
    const board = await admin.dashboard.query();
    expect(board.cases.open).toBeGreaterThanOrEqual(1);
    expect(board.weekly).toHaveLength(8);
    expect(board.weekly.at(-1)?.newMembers).toBeGreaterThanOrEqual(6);
    expect(board.members.active7Days).toBeGreaterThanOrEqual(6);
    expect(board.jobs).toMatchObject({ failed: 0 });
    expect(board.googleBooks).toMatchObject({ enabled: false, circuitOpen: false });
  });
});
