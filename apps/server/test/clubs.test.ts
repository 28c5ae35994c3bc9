import { clubMembers, clubs, eq, meetings, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const newClub = { name: "Thursday Classics", category: "classics", location: "Turin, Circolo dei Lettori" } as const;

async function clubWithRoles(overrides: Partial<{ visibility: "public" | "private"; memberLimit: number }> = {}) {
  const owner = await signedUpClient(server);
  const admin = await signedUpClient(server);
  const member = await signedUpClient(server);
  const outsider = await signedUpClient(server);
  const club = await owner.client.trpc.clubs.create.mutate({ ...newClub, visibility: "public", ...overrides });
  const clubId = club.id;
  if (overrides.visibility === "private") {
    await owner.client.trpc.clubs.update.mutate({ clubId, changes: { visibility: "public" } });
  }
  await admin.client.trpc.clubs.join.mutate({ clubId });
  await member.client.trpc.clubs.join.mutate({ clubId });
  await owner.client.trpc.clubs.setRole.mutate({ clubId, userId: admin.user.id, role: "admin" });
  if (overrides.visibility === "private") {
    await owner.client.trpc.clubs.update.mutate({ clubId, changes: { visibility: "private" } });
  }
  return { club, clubId, owner, admin, member, outsider };
}

const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

describe("clubs.create", () => {
  it("makes the creator its owner and only member, with a slug from the name", async () => {
    const { client, user } = await signedUpClient(server);
    const club = await client.trpc.clubs.create.mutate({ ...newClub, description: "We read the classics slowly." });
    expect(club).toMatchObject({ slug: "thursday-classics", ownerId: user.id, memberCount: 1, myRole: "owner" });
    const again = await client.trpc.clubs.create.mutate(newClub);
    expect(again.slug).toMatch(/^thursday-classics-[0-9a-f]{6}$/);
  });

  it("names each bad field and creates nothing", async () => {
    const { client } = await signedUpClient(server);
    const before = await server.db.$count(clubs);
    const error = await rejectionOf(
      client.trpc.clubs.create.mutate({ name: "x", category: "gossip" as "other", memberLimit: 1, location: null }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["name", "category", "memberLimit"]),
    );
    const noPlace = await rejectionOf(client.trpc.clubs.create.mutate({ name: "Nowhere", category: "other" }));
    expect(noPlace.data?.zodError?.fieldErrors).toHaveProperty("location");
    expect(await server.db.$count(clubs)).toBe(before);
  });

  it("needs a signed-in caller", async () => {
    expect(await codeOf(server.client().trpc.clubs.create.mutate(newClub))).toBe("UNAUTHORIZED");
  });
});

describe("seeing clubs", () => {
  it("shows a private club's name and description to outsiders, and everything to members", async () => {
    const { clubId, member, outsider } = await clubWithRoles({ visibility: "private" });
    const limited = await outsider.client.trpc.clubs.get.query({ clubId });
    expect(limited).toEqual(expect.objectContaining({ access: "limited", myRole: null }));
    expect(limited).not.toHaveProperty("memberCount");
    expect(await codeOf(outsider.client.trpc.clubs.members.query({ clubId }))).toBe("FORBIDDEN");
    const directory = await outsider.client.trpc.clubs.list.query({ search: newClub.name, limit: 50 });
    const listed = directory.items.find((club) => club.id === clubId);
    expect(listed).toEqual({ ...limited, access: "limited" });
    expect(listed).not.toHaveProperty("location");
    const full = await member.client.trpc.clubs.get.query({ clubId });
    expect(full).toMatchObject({ access: "full", myRole: "member", memberCount: 3 });
    expect((await member.client.trpc.clubs.members.query({ clubId })).items.map((row) => row.role)).toEqual([
      "owner",
      "admin",
      "member",
    ]);
  });

  it("finds a club by slug, and answers NOT_FOUND for unknown ones", async () => {
    const { club, member } = await clubWithRoles();
    expect((await member.client.trpc.clubs.get.query({ clubId: club.slug })).id).toBe(club.id);
    expect(await codeOf(member.client.trpc.clubs.get.query({ clubId: "no-such-club" }))).toBe("NOT_FOUND");
    const badId = await rejectionOf(member.client.trpc.clubs.get.query({ clubId: "x".repeat(65) }));
    expect(badId.data?.code).toBe("BAD_REQUEST");
  });

  it("lists clubs newest first in pages that neither skip nor repeat, with filters", async () => {
    const { client } = await signedUpClient(server);
    const names = ["Poetry at Dusk", "Poetry at Dawn", "Poetry at Noon", "Poetry Online"];
    for (const name of names) {
      const isOnline = name.includes("Online");
      await client.trpc.clubs.create.mutate({
        name,
        category: "poetry",
        isOnline,
        location: isOnline ? null : "Library",
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = await client.trpc.clubs.list.query({
        search: "poetry",
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((club) => club.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
    const online = await client.trpc.clubs.list.query({ category: "poetry", isOnline: true });
    expect(online.items.map((club) => club.name)).toEqual(["Poetry Online"]);
    const mine = await client.trpc.clubs.list.query({ mine: true, limit: 50 });
    expect(mine.items.every((club) => club.myRole === "owner")).toBe(true);
    expect(await codeOf(client.trpc.clubs.list.query({ cursor: "garbage" }))).toBe("BAD_REQUEST");
  });
});

describe("joining and leaving", () => {
  it("a public club takes members up to its limit, even when many join at once", async () => {
    const { client: owner } = await signedUpClient(server);
    const club = await owner.trpc.clubs.create.mutate({ ...newClub, memberLimit: 3 });
    const joiners = await Promise.all(Array.from({ length: 5 }, () => signedUpClient(server)));
    const results = await Promise.allSettled(
      joiners.map(({ client }) => client.trpc.clubs.join.mutate({ clubId: club.id })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    const [row] = await server.db.select().from(clubs).where(eq(clubs.id, club.id));
    expect(row?.memberCount).toBe(3);
    expect(await server.db.$count(clubMembers, eq(clubMembers.clubId, club.id))).toBe(3);
  });

  it("a member cannot join twice, and a private club must be asked", async () => {
    const { clubId, member } = await clubWithRoles();
    expect(await codeOf(member.client.trpc.clubs.join.mutate({ clubId }))).toBe("CONFLICT");
    const priv = await clubWithRoles({ visibility: "private" });
    expect(await codeOf(priv.outsider.client.trpc.clubs.join.mutate({ clubId: priv.clubId }))).toBe("FORBIDDEN");
  });

  it("a private club's admin approves or declines requests to join", async () => {
    const { clubId, admin, member, outsider } = await clubWithRoles({ visibility: "private" });
    const request = await outsider.client.trpc.clubs.requestToJoin.mutate({ clubId });
    expect(await codeOf(outsider.client.trpc.clubs.requestToJoin.mutate({ clubId }))).toBe("CONFLICT");
    expect(await codeOf(member.client.trpc.clubs.listRequests.query({ clubId }))).toBe("FORBIDDEN");
    const pending = await admin.client.trpc.clubs.listRequests.query({ clubId });
    expect(pending.items.map((row) => row.user.id)).toEqual([outsider.user.id]);
    expect(await codeOf(member.client.trpc.clubs.approveRequest.mutate({ clubId, requestId: request?.id ?? "" }))).toBe(
      "FORBIDDEN",
    );
    await admin.client.trpc.clubs.approveRequest.mutate({ clubId, requestId: request?.id ?? "" });
    expect((await outsider.client.trpc.clubs.get.query({ clubId })).myRole).toBe("member");
    expect(await codeOf(admin.client.trpc.clubs.approveRequest.mutate({ clubId, requestId: request?.id ?? "" }))).toBe(
      "NOT_FOUND",
    );

    const late = await signedUpClient(server);
    const second = await late.client.trpc.clubs.requestToJoin.mutate({ clubId });
    await admin.client.trpc.clubs.declineRequest.mutate({ clubId, requestId: second?.id ?? "" });
    expect((await late.client.trpc.clubs.get.query({ clubId })).myRole).toBeNull();
  });

  it("an admin invites by username and only the invitee can accept", async () => {
    const { clubId, admin, member, outsider } = await clubWithRoles({ visibility: "private" });
    expect(await codeOf(member.client.trpc.clubs.invite.mutate({ clubId, username: outsider.user.username }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(admin.client.trpc.clubs.invite.mutate({ clubId, username: "nobody_here" }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.client.trpc.clubs.invite.mutate({ clubId, username: member.user.username }))).toBe(
      "CONFLICT",
    );
    const invite = await admin.client.trpc.clubs.invite.mutate({ clubId, username: outsider.user.username });
    const requestId = invite?.id ?? "";
    expect(await codeOf(member.client.trpc.clubs.acceptInvite.mutate({ requestId }))).toBe("NOT_FOUND");
    expect((await outsider.client.trpc.clubs.myInvites.query({})).items.map((row) => row.id)).toEqual([requestId]);
    await outsider.client.trpc.clubs.acceptInvite.mutate({ requestId });
    expect((await outsider.client.trpc.clubs.get.query({ clubId })).myRole).toBe("member");
    expect(await codeOf(outsider.client.trpc.clubs.declineInvite.mutate({ requestId }))).toBe("NOT_FOUND");
  });

  it("my invitations come oldest first, page by page, without skipping or repeating", async () => {
    const invitee = await signedUpClient(server);
    const invited: string[] = [];
    for (const name of ["Invite One", "Invite Two", "Invite Three"]) {
      const { client } = await signedUpClient(server);
      const club = await client.trpc.clubs.create.mutate({ ...newClub, name, visibility: "private" });
      await client.trpc.clubs.invite.mutate({ clubId: club.id, username: invitee.user.username });
      invited.push(name);
    }
    const first = await invitee.client.trpc.clubs.myInvites.query({ limit: 2 });
    const second = await invitee.client.trpc.clubs.myInvites.query({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((row) => row.club.name)).toEqual(invited);
    expect(second.nextCursor).toBeNull();
    expect(await codeOf(invitee.client.trpc.clubs.myInvites.query({ limit: 51 }))).toBe("BAD_REQUEST");
  });

  it("leaving or being removed withdraws answers to the club's upcoming meetings, not past ones", async () => {
    const { clubId, owner, admin, member } = await clubWithRoles();
    const meetingOn = async (startsAt: Date) =>
      (await owner.client.trpc.meetings.create.mutate({
        clubId,
        bookId: (await catalogBook(server, { title: "Persuasion", pageCount: 250 })).id,
        startsAt,
        place: "The tea room",
      })) ?? { id: "" };
    const past = await meetingOn(new Date(Date.now() + 86_400_000));
    const upcoming = await meetingOn(new Date(Date.now() + 20 * 86_400_000));
    for (const { client } of [admin, member]) {
      for (const meeting of [past, upcoming])
        await client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" });
    }
    await server.db
      .update(meetings)
      .set({ startsAt: sql`now() - interval '1 hour'`, readingDeadline: sql`now() - interval '1 hour'` })
      .where(eq(meetings.id, past.id));

    await member.client.trpc.clubs.leave.mutate({ clubId });
    await owner.client.trpc.clubs.removeMember.mutate({ clubId, userId: admin.user.id });

    const going = async (meetingId: string) =>
      (await owner.client.trpc.meetings.get.query({ meetingId })).rsvpCounts.going;
    expect(await going(upcoming.id)).toBe(0);
    expect(await going(past.id)).toBe(2);
  });

  it("members leave freely; the owner must transfer ownership first", async () => {
    const { clubId, owner, member } = await clubWithRoles();
    await member.client.trpc.clubs.leave.mutate({ clubId });
    expect((await member.client.trpc.clubs.get.query({ clubId })).myRole).toBeNull();
    expect(await codeOf(owner.client.trpc.clubs.leave.mutate({ clubId }))).toBe("CONFLICT");
    expect(await codeOf(member.client.trpc.clubs.leave.mutate({ clubId }))).toBe("FORBIDDEN");
  });
});

describe("roles", () => {
  it("admins remove members, not admins or the owner; members remove no one", async () => {
    const { clubId, owner, admin, member } = await clubWithRoles();
    expect(await codeOf(member.client.trpc.clubs.removeMember.mutate({ clubId, userId: admin.user.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(admin.client.trpc.clubs.removeMember.mutate({ clubId, userId: owner.user.id }))).toBe(
      "FORBIDDEN",
    );
    await admin.client.trpc.clubs.removeMember.mutate({ clubId, userId: member.user.id });
    expect((await member.client.trpc.clubs.get.query({ clubId })).myRole).toBeNull();
    await owner.client.trpc.clubs.removeMember.mutate({ clubId, userId: admin.user.id });
    expect(await owner.client.trpc.clubs.get.query({ clubId })).toMatchObject({ access: "full", memberCount: 1 });
  });

  it("only the owner changes roles and transfers ownership; the club always has one owner", async () => {
    const { clubId, owner, admin, member } = await clubWithRoles();
    expect(
      await codeOf(admin.client.trpc.clubs.setRole.mutate({ clubId, userId: member.user.id, role: "admin" })),
    ).toBe("FORBIDDEN");
    expect(await codeOf(admin.client.trpc.clubs.transferOwnership.mutate({ clubId, userId: admin.user.id }))).toBe(
      "FORBIDDEN",
    );
    await owner.client.trpc.clubs.transferOwnership.mutate({ clubId, userId: member.user.id });
    const roles = await server.db
      .select({ userId: clubMembers.userId, role: clubMembers.role })
      .from(clubMembers)
      .where(eq(clubMembers.clubId, clubId));
    expect(roles.filter((row) => row.role === "owner").map((row) => row.userId)).toEqual([member.user.id]);
    expect(roles.find((row) => row.userId === owner.user.id)?.role).toBe("admin");
    const [row] = await server.db.select().from(clubs).where(eq(clubs.id, clubId));
    expect(row?.ownerId).toBe(member.user.id);
    await owner.client.trpc.clubs.leave.mutate({ clubId });
  });

  it("the database refuses a second owner or an owner without the owner role", async () => {
    const { clubId, member } = await clubWithRoles();
    await expect(
      server.db.update(clubMembers).set({ role: "owner" }).where(eq(clubMembers.userId, member.user.id)),
    ).rejects.toThrow();
    await expect(
      server.db.update(clubs).set({ ownerId: member.user.id }).where(eq(clubs.id, clubId)),
    ).rejects.toThrow();
  });
});
