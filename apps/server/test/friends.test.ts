import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { clubWithMeeting } from "./race-support.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

async function twoReaders() {
  return { ana: await signedUpClient(server), ben: await signedUpClient(server) };
}

describe("friend requests", () => {
  it("a request accepted makes two friends, listed on both sides", async () => {
    const { ana, ben } = await twoReaders();
    const request = await ana.client.trpc.friends.request.mutate({ username: ben.user.username.toUpperCase() });
    const outgoing = await ana.client.trpc.friends.requests.query({ box: "outgoing" });
    expect(outgoing.items.map((row) => row.user.id)).toEqual([ben.user.id]);
    const incoming = await ben.client.trpc.friends.requests.query({});
    expect(incoming.items.map((row) => row.id)).toEqual([request?.id]);
    expect(await codeOf(ana.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" }))).toBe("NOT_FOUND");

    await ben.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" });
    expect((await ana.client.trpc.friends.list.query({})).items.map((row) => row.user.id)).toEqual([ben.user.id]);
    expect((await ben.client.trpc.friends.list.query({})).items.map((row) => row.user.id)).toEqual([ana.user.id]);
    expect(await codeOf(ana.client.trpc.friends.request.mutate({ username: ben.user.username }))).toBe("CONFLICT");
  });

  it("declined and cancelled requests make no friends; only the right side can do each", async () => {
    const { ana, ben } = await twoReaders();
    const first = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    expect(await codeOf(ana.client.trpc.friends.decline.mutate({ requestId: first?.id ?? "" }))).toBe("NOT_FOUND");
    await ben.client.trpc.friends.decline.mutate({ requestId: first?.id ?? "" });
    const second = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    expect(await codeOf(ben.client.trpc.friends.cancel.mutate({ requestId: second?.id ?? "" }))).toBe("NOT_FOUND");
    await ana.client.trpc.friends.cancel.mutate({ requestId: second?.id ?? "" });
    expect((await ana.client.trpc.friends.list.query({})).items).toEqual([]);
  });

  it("two people asking each other at once leave exactly one pending request", async () => {
    const { ana, ben } = await twoReaders();
    const results = await Promise.allSettled([
      ana.client.trpc.friends.request.mutate({ username: ben.user.username }),
      ben.client.trpc.friends.request.mutate({ username: ana.user.username }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((result) => result.status === "rejected");
    expect(failed?.status === "rejected" && failed.reason.data?.code).toBe("CONFLICT");
  });

  it("refuses yourself, unknown members and bad input by field", async () => {
    const { ana } = await twoReaders();
    const self = await rejectionOf(ana.client.trpc.friends.request.mutate({ username: ana.user.username }));
    expect(self.data?.zodError?.fieldErrors).toHaveProperty("username");
    expect(await codeOf(ana.client.trpc.friends.request.mutate({ username: "nobody_here" }))).toBe("NOT_FOUND");
    const bad = await rejectionOf(ana.client.trpc.friends.request.mutate({ username: "x" }));
    expect(bad.data?.zodError?.fieldErrors).toHaveProperty("username");
    expect(await codeOf(server.client().trpc.friends.list.query({}))).toBe("UNAUTHORIZED");
  });

  it("unfriending removes the friendship for both", async () => {
    const { ana, ben } = await twoReaders();
    const request = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    await ben.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" });
    await ben.client.trpc.friends.remove.mutate({ userId: ana.user.id });
    expect((await ana.client.trpc.friends.list.query({})).items).toEqual([]);
    expect(await codeOf(ana.client.trpc.friends.remove.mutate({ userId: ben.user.id }))).toBe("NOT_FOUND");
  });
});

describe("friends.activity", () => {
  it("shows friends' reading in clubs I may see, newest first, and nothing from strangers", async () => {
    const { ana, ben } = await twoReaders();
    const stranger = await signedUpClient(server);
    const request = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    await ben.client.trpc.friends.accept.mutate({ requestId: request?.id ?? "" });

    const { club, meeting } = await clubWithMeeting(server, ben, [stranger], {
      club: { name: "Ben's Books", category: "fiction" },
      book: { title: "Stoner", authors: ["John Williams"], pageCount: 300 },
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      link: "https://meet.example.com/ben",
    });
    const meetingId = meeting.id;
    for (const reader of [ben, stranger]) {
      await reader.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
    }
    await ben.client.trpc.progress.update.mutate({ meetingId, page: 100, expectedVersion: 0 });
    await ben.client.trpc.progress.update.mutate({ meetingId, finished: true, expectedVersion: 1 });
    await stranger.client.trpc.progress.update.mutate({ meetingId, page: 5, expectedVersion: 0 });

    const feed = await ana.client.trpc.friends.activity.query({});
    expect(feed.items.map((row) => [row.user.id, row.page, row.finished, row.meeting.bookTitle])).toEqual([
      [ben.user.id, 300, true, "Stoner"],
      [ben.user.id, 100, false, "Stoner"],
    ]);

    await ben.client.trpc.clubs.update.mutate({ clubId: club.id, changes: { visibility: "private" } });
    expect((await ana.client.trpc.friends.activity.query({})).items).toEqual([]);
  });
});
