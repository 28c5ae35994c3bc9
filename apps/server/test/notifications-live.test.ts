import { describe, expect, it } from "vitest";
import { bookClub } from "./discussions-support.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { cuttableProxy, eventually, openLiveStream, secondServerProcess } from "./live-support.js";

/**
 * Live notifications over SSE, through whichever tRPC handler the suite
 * runs (TRPC_HANDLER=native|adapter): events carry their `seq` as the
 * tracked id; a reconnect resumes from the last one.
 */
const server = await startTestServer();

const seqsOf = (stream: ReturnType<typeof openLiveStream>) => stream.events.map((event) => event.data.seq);

async function befriendRequests(target: { user: { username: string } }, count: number) {
  for (let index = 0; index < count; index++) {
    const friend = await signedUpClient(server);
    await friend.client.trpc.friends.request.mutate({ username: target.user.username });
  }
}

describe("the live stream", () => {
  it("delivers a new notification to every open page of the member, with its seq as the event id", async () => {
    const member = await signedUpClient(server);
    const pages = [openLiveStream(server.url, member.client), openLiveStream(server.url, member.client)];
    await Promise.all(pages.map((page) => page.ready));
    await befriendRequests(member, 2);
    for (const page of pages) {
      await eventually(() => page.events.length === 2, "both notifications on every page");
      expect(page.events.map((event) => [event.id, event.data.kind])).toEqual([
        ["1", "friend_request"],
        ["2", "friend_request"],
      ]);
      page.close();
    }
  });

  it("a reply reaches the thread's author live, through the spoiler guard", async () => {
    const { clubId, meetingId, ahead, behind } = await bookClub(server);
    const { id: threadId } = await behind.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "So far",
      body: "Good so far",
    });
    const page = openLiveStream(server.url, behind.client);
    await page.ready;
    await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "Wait for the twist", page: 250 });
    await eventually(() => page.events.length === 1, "the reply");
    expect(page.events[0]?.data).toMatchObject({
      kind: "reply",
      excerpt: null,
      spoiler: { page: 250, readerPage: 140 },
    });
    page.close();
  });

  it("refuses a stream without a valid ticket, and a ticket used twice", async () => {
    const member = await signedUpClient(server);
    const { ticket } = await member.client.trpc.notifications.streamTicket.mutate();
    const open = (value: string) =>
      fetch(
        `${server.url}/trpc/notifications.live?input=${encodeURIComponent(JSON.stringify({ json: {} }))}&connectionParams=${encodeURIComponent(JSON.stringify({ ticket: value }))}`,
        { headers: { accept: "text/event-stream" } },
      );
    const first = await open(ticket);
    const reader = first.body?.getReader();
    const chunk = new TextDecoder().decode((await reader?.read())?.value);
    expect(chunk).toContain("connected");
    await reader?.cancel();
    const again = await open(ticket);
    const text = await again.text();
    expect(text).toContain("UNAUTHORIZED");
    expect(await (await open("forged")).text()).toContain("UNAUTHORIZED");
  });

  it("resumes after a dropped connection from the last event id: nothing lost, nothing twice", async () => {
    const member = await signedUpClient(server);
    const proxy = await cuttableProxy(server.url);
    const page = openLiveStream(proxy.url, member.client);
    await page.ready;
    await befriendRequests(member, 3);
    await eventually(() => page.events.length === 3, "the first three");
    proxy.cut();
    // Committed while the page is cut off: the reconnect backfills them from the table.
    await befriendRequests(member, 4);
    await eventually(() => page.events.length >= 7, "the backfill after reconnecting");
    await befriendRequests(member, 1);
    await eventually(() => page.events.length >= 8, "the next live one");
    expect(seqsOf(page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(page.states).toContain("resubscribing");
    page.close();
  });

  it("a page that reconnects with lastEventId gets exactly what came after it", async () => {
    const member = await signedUpClient(server);
    await befriendRequests(member, 5);
    const page = openLiveStream(server.url, member.client, "2");
    await eventually(() => page.events.length === 3, "the three after seq 2");
    expect(seqsOf(page)).toEqual([3, 4, 5]);
    page.close();
  });
});

describe("across servers", () => {
  it("a notification committed by one server process reaches a page connected to another", async () => {
    const second = await secondServerProcess(server);
    const member = await signedUpClient(server);
    const page = openLiveStream(second.url, member.client);
    await page.ready;
    // Committed through this process; the page is held by the other one.
    await befriendRequests(member, 2);
    await eventually(() => page.events.length === 2, "delivery through the other process");
    expect(seqsOf(page)).toEqual([1, 2]);
    page.close();
  });
});
