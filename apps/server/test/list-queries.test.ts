import {
  appendLedger,
  bets,
  clubMembers,
  clubRequests,
  clubs,
  friendships,
  meetingRsvps,
  meetings,
  readingProgress,
  sql,
  users,
} from "@booky/db";
import { attendanceReward, friendPair } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { insertOwnedClubs, statementCounts } from "./list-support.js";

const server = await startTestServer();
const viewer = await signedUpClient(server);

/** `count` extra members, inserted directly: this test is about statement counts, not sign-up. */
async function makeUsers(count: number, tag: string) {
  if (count === 0) return [];
  return server.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${tag}${i}@lists.example`,
        username: `${tag}_${i}`,
        displayName: `${tag} ${i}`,
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash",
      })),
    )
    .returning({ id: users.id });
}

/** A public club owned by the viewer with `size` members, a meeting they all attend, and progress for each. */
async function clubOfSize(size: number, tag: string) {
  const others = await makeUsers(size - 1, tag);
  // Club and owner membership in one transaction: the deferred owner key is checked at commit.
  const club = await server.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(clubs)
      .values({
        slug: tag,
        name: tag,
        category: "other",
        isOnline: true,
        ownerId: viewer.user.id,
        memberCount: size,
        memberLimit: 1000,
      })
      .returning();
    if (!created) throw new Error("no club");
    await tx
      .insert(clubMembers)
      .values([
        { clubId: created.id, userId: viewer.user.id, role: "owner" },
        ...others.map((user) => ({ clubId: created.id, userId: user.id })),
      ]);
    return created;
  });
  const [meeting] = await server.db
    .insert(meetings)
    .values({
      clubId: club.id,
      bookId: (await catalogBook(server, { title: "Counted" })).id,
      bookPageCount: 100,
      startsAt: sql`now() + interval '1 day'`,
      readingDeadline: sql`now() + interval '1 day'`,
      link: "https://meet.example.com",
      createdBy: viewer.user.id,
    })
    .returning();
  if (!meeting) throw new Error("no meeting");
  const everyone = [viewer.user.id, ...others.map((user) => user.id)];
  await server.db
    .insert(meetingRsvps)
    .values(everyone.map((userId) => ({ meetingId: meeting.id, userId, status: "going" as const })));
  await server.db
    .insert(readingProgress)
    .values(everyone.map((userId, i) => ({ meetingId: meeting.id, userId, page: i % 100 })));
  return { club, meeting, others };
}

/** `count` private clubs owned by the viewer, each inviting `invitee`; inserted directly like the rest. */
async function invitationsFrom(count: number, tag: string, inviteeId: string) {
  const owned = await insertOwnedClubs(server, tag, viewer.user.id, count);
  await server.db
    .insert(clubRequests)
    .values(owned.map((clubId) => ({ clubId, userId: inviteeId, kind: "invite" as const, invitedBy: viewer.user.id })));
}

describe("list procedures send the same number of statements for 1 item as for 50 (no N+1)", () => {
  it("clubs.members, progress.forMeeting, clubs.list, meetings.listForClub, meetings.get, friends.list, clubs.myInvites", async () => {
    const small = await clubOfSize(1, "tiny");
    const large = await clubOfSize(50, "huge");
    const { trpc } = viewer.client;
    const { counts, measure } = statementCounts(server);

    await measure(
      "clubs.members",
      () => trpc.clubs.members.query({ clubId: small.club.id, limit: 50 }),
      () => trpc.clubs.members.query({ clubId: large.club.id, limit: 50 }),
    );
    await measure(
      "progress.forMeeting",
      () => trpc.progress.forMeeting.query({ meetingId: small.meeting.id, limit: 50 }),
      () => trpc.progress.forMeeting.query({ meetingId: large.meeting.id, limit: 50 }),
    );
    await measure(
      "clubs.list",
      () => trpc.clubs.list.query({ search: "tiny", limit: 50 }),
      () => trpc.clubs.list.query({ mine: true, limit: 50 }),
    );
    await measure(
      "meetings.listForClub",
      () => trpc.meetings.listForClub.query({ clubId: small.club.id, limit: 50 }),
      () => trpc.meetings.listForClub.query({ clubId: large.club.id, limit: 50 }),
    );
    await measure(
      "meetings.get (RSVPs counted)",
      () => trpc.meetings.get.query({ meetingId: small.meeting.id }),
      () => trpc.meetings.get.query({ meetingId: large.meeting.id }),
    );
    await server.db.insert(friendships).values(friendPair(viewer.user.id, large.others[0]?.id ?? ""));
    const oneFriend = await server.statementsDuring(() => trpc.friends.list.query({ limit: 50 }));
    await server.db
      .insert(friendships)
      .values(large.others.slice(1).map((other) => friendPair(viewer.user.id, other.id)));
    counts["friends.list"] = [oneFriend, await server.statementsDuring(() => trpc.friends.list.query({ limit: 50 }))];

    const invitee = await signedUpClient(server);
    const invites = () => invitee.client.trpc.clubs.myInvites.query({ limit: 50 });
    await invitationsFrom(1, "one-invite", invitee.user.id);
    const oneInvite = await server.statementsDuring(invites);
    await invitationsFrom(49, "many-invites", invitee.user.id);
    counts["clubs.myInvites"] = [oneInvite, await server.statementsDuring(invites)];
    expect((await invites()).items).toHaveLength(50);

    console.log("statements per call (1 item, 50 items):", JSON.stringify(counts));
    for (const [name, [one, fifty]] of Object.entries(counts)) {
      expect(fifty, name).toBe(one);
      expect(one, name).toBeLessThanOrEqual(3);
    }
  });
});

describe("points, bets and leaderboards lists send the same number of statements for 1 item as for 50", () => {
  it("bets.mine, bets.forMeeting, points.ledger, leaderboards.users (club)", async () => {
    const small = await clubOfSize(1, "race-tiny");
    const large = await clubOfSize(50, "race-huge");
    const { trpc } = viewer.client;
    const { counts, measure } = statementCounts(server);

    // The viewer's bets: one on the small club's meeting, then 49 more on meetings of the large club.
    const extra = await server.db
      .insert(meetings)
      .values(
        Array.from({ length: 49 }, () => ({
          clubId: large.club.id,
          bookId: large.meeting.bookId,
          bookPageCount: 100,
          startsAt: sql`now() + interval '2 days'`,
          readingDeadline: sql`now() + interval '2 days'`,
          link: "https://meet.example.com",
          createdBy: viewer.user.id,
        })),
      )
      .returning({ id: meetings.id });
    await server.db
      .insert(bets)
      .values({ meetingId: small.meeting.id, userId: viewer.user.id, horseId: viewer.user.id, stake: 1 });
    const oneBet = await server.statementsDuring(() => trpc.bets.mine.query({ limit: 50 }));
    await server.db
      .insert(bets)
      .values(
        extra.map((meeting) => ({ meetingId: meeting.id, userId: viewer.user.id, horseId: viewer.user.id, stake: 1 })),
      );
    counts["bets.mine"] = [oneBet, await server.statementsDuring(() => trpc.bets.mine.query({ limit: 50 }))];

    // Every member of the large meeting is a horse; some back each other.
    await server.db.insert(bets).values(
      large.others.map((other) => ({
        meetingId: large.meeting.id,
        userId: other.id,
        horseId: viewer.user.id,
        stake: 2,
      })),
    );
    await measure(
      "bets.forMeeting",
      () => trpc.bets.forMeeting.query({ meetingId: small.meeting.id }),
      () => trpc.bets.forMeeting.query({ meetingId: large.meeting.id }),
    );

    // Ledger: the viewer's grant only, then 49 attendance rewards; scores for the large club's members.
    const oneEntry = await server.statementsDuring(() => trpc.points.ledger.query({ limit: 50 }));
    await appendLedger(
      server.db,
      extra.map((meeting) => attendanceReward(meeting.id, viewer.user.id)),
    );
    counts["points.ledger"] = [oneEntry, await server.statementsDuring(() => trpc.points.ledger.query({ limit: 50 }))];
    await appendLedger(
      server.db,
      large.others.map((other) => attendanceReward(large.meeting.id, other.id)),
    );
    await measure(
      "leaderboards.users (club)",
      () => trpc.leaderboards.users.query({ scope: "club", clubId: small.club.id, limit: 50 }),
      () => trpc.leaderboards.users.query({ scope: "club", clubId: large.club.id, limit: 50 }),
    );

    console.log("statements per call (1 item, 50 items):", JSON.stringify(counts));
    for (const [name, [one, fifty]] of Object.entries(counts)) {
      expect(fifty, name).toBe(one);
      expect(one, name).toBeLessThanOrEqual(4);
    }
  });
});
