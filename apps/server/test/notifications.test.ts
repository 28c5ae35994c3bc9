import { eq, notifications } from "@booky/db";
import { describe, expect, it } from "vitest";
import { bookClub } from "./discussions-support.js";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";
import { eventually } from "./live-support.js";
import { finish, placeBet, raceMeeting } from "./race-support.js";

const server = await startTestServer({ jobs: true });
const kindsOf = async (member: TestClient, only?: string[]) =>
  (await member.trpc.notifications.list.query({})).items
    .map((item) => item.kind)
    .filter((kind) => !only || only.includes(kind))
    .reverse();
const DISCUSSION = ["reply", "mention"];

describe("notifications are created where things happen", () => {
  it("friend request and acceptance", async () => {
    const ann = await signedUpClient(server);
    const bob = await signedUpClient(server);
    const request = await ann.client.trpc.friends.request.mutate({ username: bob.user.username });
    const [told] = (await bob.client.trpc.notifications.list.query({})).items;
    expect(told).toMatchObject({ kind: "friend_request", actor: { username: ann.user.username }, readAt: null });
    await bob.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" });
    expect(await kindsOf(ann.client)).toEqual(["friend_accepted"]);
    expect(await kindsOf(bob.client)).toEqual(["friend_request"]);
  });

  it("club invitation, join request to the club's admins, and its decision", async () => {
    const { clubId, host, ahead, outsider } = await bookClub(server, "private");
    await host.client.trpc.clubs.setRole.mutate({ clubId, userId: ahead.user.id, role: "admin" });
    await host.client.trpc.clubs.invite.mutate({ clubId, username: outsider.user.username });
    expect(await kindsOf(outsider.client)).toEqual(["club_invitation"]);

    const asker = await signedUpClient(server);
    const request = await asker.client.trpc.clubs.requestToJoin.mutate({ clubId });
    expect((await kindsOf(host.client)).filter((kind) => kind === "join_request")).toHaveLength(1);
    expect((await kindsOf(ahead.client)).filter((kind) => kind === "join_request")).toHaveLength(1);
    await ahead.client.trpc.clubs.declineRequest.mutate({ clubId, requestId: request?.id ?? "" });
    const [decision] = (await asker.client.trpc.notifications.list.query({})).items;
    expect(decision).toMatchObject({ kind: "join_decision", data: { decision: "declined" }, club: { id: clubId } });
  });

  it("new meeting, meeting started and closed, bet settled with its amount", async () => {
    const race = await raceMeeting(server, 2);
    const [ana, ben] = race.members as [typeof race.owner, typeof race.owner];
    expect(await kindsOf(ana.client)).toEqual(["meeting_scheduled"]);
    await placeBet(race.meeting.id, ana, ana, 100);
    await placeBet(race.meeting.id, ben, ben, 50);
    await finish(ana, race.meeting.id);
    await race.owner.client.trpc.meetings.start.mutate({ meetingId: race.meeting.id });
    await race.owner.client.trpc.meetings.close.mutate({ meetingId: race.meeting.id });
    const settled = await eventually(
      async () =>
        (await ana.client.trpc.notifications.list.query({})).items.find((item) => item.kind === "bet_settled"),
      "the settlement job",
    );
    expect(settled?.data).toEqual({ outcome: "won", amount: 150, stake: 100 });
    const lost = await eventually(
      async () =>
        (await ben.client.trpc.notifications.list.query({})).items.find((item) => item.kind === "bet_settled"),
      "ben's settlement notification",
    );
    expect(lost?.data).toEqual({ outcome: "lost", amount: 0, stake: 50 });
    expect(await kindsOf(ana.client)).toEqual([
      "meeting_scheduled",
      "meeting_started",
      "meeting_closed",
      "bet_settled",
    ]);
    // The owner acted: never told of their own meeting.
    expect(await kindsOf(race.owner.client)).toEqual([]);
  });

  it("a reply to my thread or comment, and a mention of a club member (not of an outsider)", async () => {
    const { clubId, host, ahead, behind, outsider } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Welcome",
      body: `Hello @${ahead.user.username} and @${outsider.user.username}`,
    });
    expect(await kindsOf(ahead.client, DISCUSSION)).toEqual(["mention"]);
    expect(await kindsOf(outsider.client, DISCUSSION)).toEqual([]);
    const comment = await behind.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "Hi all" });
    expect(await kindsOf(host.client, DISCUSSION)).toEqual(["reply"]);
    await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: comment.id, body: "Hi back" });
    expect(await kindsOf(behind.client, DISCUSSION)).toEqual(["reply"]);
    expect(await kindsOf(host.client, DISCUSSION)).toEqual(["reply", "reply"]);
    const [reply] = (await behind.client.trpc.notifications.list.query({ limit: 1 })).items;
    expect(reply).toMatchObject({ threadId, threadTitle: "Welcome", excerpt: "Hi back", actor: { id: ahead.user.id } });
  });
});

describe("the notifications list", () => {
  async function toldThrice() {
    const member = await signedUpClient(server);
    for (let index = 0; index < 3; index++) {
      const friend = await signedUpClient(server);
      await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    }
    return member;
  }

  it("pages newest first; counts unread; marks some, then all, read; ignores others' ids", async () => {
    const member = await toldThrice();
    const stranger = await toldThrice();
    const first = await member.client.trpc.notifications.list.query({ limit: 2 });
    const rest = await member.client.trpc.notifications.list.query({ limit: 2, cursor: first.nextCursor });
    const seqs = [...first.items, ...rest.items].map((item) => item.seq);
    expect(seqs).toEqual([3, 2, 1]);
    expect(rest.nextCursor).toBeNull();
    expect(await member.client.trpc.notifications.unreadCount.query()).toEqual({ count: 3 });

    const strangers = (await stranger.client.trpc.notifications.list.query({})).items.map((item) => item.id);
    const marked = await member.client.trpc.notifications.markRead.mutate({
      ids: [first.items[0]?.id ?? "", ...strangers],
    });
    expect(marked).toEqual({ marked: 1, count: 2 });
    expect(await stranger.client.trpc.notifications.unreadCount.query()).toEqual({ count: 3 });
    const unread = await member.client.trpc.notifications.list.query({ unreadOnly: true });
    expect(unread.items.map((item) => item.seq)).toEqual([2, 1]);
    expect(await member.client.trpc.notifications.markRead.mutate({ all: true })).toEqual({ marked: 2, count: 0 });
  });

  it("preferences per kind: 'off' stores nothing of that kind; other kinds still arrive", async () => {
    const member = await signedUpClient(server);
    const before = await member.client.trpc.notifications.preferences.query();
    expect(before.find((pref) => pref.kind === "mention")?.delivery).toBe("email_immediate");
    const after = await member.client.trpc.notifications.setPreference.mutate({
      kind: "friend_request",
      delivery: "off",
    });
    expect(after.find((pref) => pref.kind === "friend_request")?.delivery).toBe("off");
    const friend = await signedUpClient(server);
    const request = await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    expect(await kindsOf(member.client)).toEqual([]);
    await member.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" });
    expect(await kindsOf(friend.client)).toEqual(["friend_accepted"]);
  });

  it("refuses bad input with a typed error, changing nothing", async () => {
    const member = await toldThrice();
    const code = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
    expect(await code(member.client.trpc.notifications.markRead.mutate({ ids: [] }))).toBe("BAD_REQUEST");
    expect(await code(member.client.trpc.notifications.markRead.mutate({ ids: ["abc"] }))).toBe("BAD_REQUEST");
    expect(
      await code(member.client.trpc.notifications.setPreference.mutate({ kind: "nope" as "reply", delivery: "off" })),
    ).toBe("BAD_REQUEST");
    expect(
      await code(member.client.trpc.notifications.list.query({ cursor: "W1wibm90aWZpY2F0aW9ucy5saXN0XCJdIg" })),
    ).toBe("BAD_REQUEST");
    expect(await member.client.trpc.notifications.unreadCount.query()).toEqual({ count: 3 });
  });
});

describe("the spoiler guard in notifications", () => {
  it("a reply about page 250 reaches the member on page 140 collapsed, and the finisher in full", async () => {
    const { clubId, meetingId, ahead, behind, finisher } = await bookClub(server);
    const { id: threadId } = await behind.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "Early chapters",
      body: `What happens next? @${finisher.user.username}`,
    });
    await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "The butler did it", page: 250 });
    const [reply] = (await behind.client.trpc.notifications.list.query({})).items;
    expect(reply).toMatchObject({
      kind: "reply",
      excerpt: null,
      spoiler: { reason: "ahead", page: 250, readerPage: 140 },
    });
    expect(JSON.stringify(reply)).not.toContain("butler");
    const [mention] = (await finisher.client.trpc.notifications.list.query({})).items;
    expect(mention).toMatchObject({ kind: "mention", threadTitle: "Early chapters", spoiler: null });
    const rows = await server.db.select().from(notifications).where(eq(notifications.threadId, threadId));
    expect(rows).toHaveLength(2);
  });
});
