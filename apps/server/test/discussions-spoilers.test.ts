import { describe, expect, it } from "vitest";
import { bookClub } from "./discussions-support.js";
import { startTestServer } from "./harness.js";

/**
 * The spoiler guard through every procedure that returns discussion text:
 * two members at different pages (250 and 140) read the same thread, and
 * the one behind never receives the words about page 212.
 */
const server = await startTestServer();
const SECRET = "the lighthouse keeper was the thief";

async function spoiledThread() {
  const scene = await bookClub(server);
  const { clubId, meetingId, ahead } = scene;
  const thread = await ahead.client.trpc.discussions.createThread.mutate({
    clubId,
    meetingId,
    title: `Page 212: ${SECRET}`,
    body: `So **${SECRET}**!`,
    page: 212,
  });
  const early = await ahead.client.trpc.discussions.comment.mutate({
    clubId,
    threadId: thread.id,
    body: "Chapter one was slow",
    page: 20,
  });
  const late = await ahead.client.trpc.discussions.comment.mutate({
    clubId,
    threadId: thread.id,
    body: `Yes, ${SECRET}`,
  });
  return { ...scene, threadId: thread.id, early, late };
}

const leaks = (value: unknown) => JSON.stringify(value).includes(SECRET);

describe("the spoiler guard", () => {
  it("an untagged text never carries its author's page: a comment takes its thread's, a reply its parent's if higher, a thread none", async () => {
    const { clubId, meetingId, ahead, behind, late, early, threadId } = await spoiledThread();
    expect(early.page).toBe(20);
    // Written by the member on page 250: tagged with the thread's page, which says nothing of theirs.
    expect(late.page).toBe(212);
    const reply = await behind.client.trpc.discussions.comment.mutate({
      clubId,
      threadId,
      parentId: late.id,
      body: "Not there yet",
    });
    expect(reply.page).toBe(212);
    const untagged = await behind.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "Who is hosting?",
      body: "I can bring tea",
    });
    expect(untagged.page).toBeNull();
    // Others see no page that would tell them how far the member on page 140 is.
    const seen = await ahead.client.trpc.discussions.threads.query({ clubId, meetingId });
    expect(seen.items.find((item) => item.id === untagged.id)).toMatchObject({ page: null, spoiler: null });
    const comment = await behind.client.trpc.discussions.comment.mutate({ clubId, threadId: untagged.id, body: "Me" });
    expect(comment.page).toBeNull();
    // The author still chooses: an explicit page is kept; clearing it on an edit falls back to the thread's.
    const edited = await behind.client.trpc.discussions.editComment.mutate({
      clubId,
      commentId: reply.id,
      changes: { page: 100 },
    });
    expect(edited.page).toBe(100);
    const cleared = await behind.client.trpc.discussions.editComment.mutate({
      clubId,
      commentId: reply.id,
      changes: { page: null },
    });
    expect(cleared.page).toBe(212);
  });

  it("threads list: the member behind gets a collapsed entry saying the page and theirs; the one ahead reads it", async () => {
    const { clubId, meetingId, ahead, behind, threadId } = await spoiledThread();
    const theirs = await behind.client.trpc.discussions.threads.query({ clubId, meetingId });
    expect(leaks(theirs)).toBe(false);
    expect(theirs.items[0]).toMatchObject({
      id: threadId,
      text: null,
      spoiler: { visible: false, reason: "ahead", page: 212, readerPage: 140 },
    });
    const mine = await ahead.client.trpc.discussions.threads.query({ clubId, meetingId });
    expect(mine.items[0]).toMatchObject({ spoiler: null, text: { title: `Page 212: ${SECRET}` } });
  });

  it("thread: collapsed below the page, shown at or above it and to finishers", async () => {
    const { clubId, ahead, behind, finisher, threadId } = await spoiledThread();
    const theirs = await behind.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(leaks(theirs)).toBe(false);
    expect(theirs).toMatchObject({ text: null, spoiler: { reason: "ahead", page: 212, readerPage: 140 } });
    for (const reader of [ahead, finisher]) {
      const shown = await reader.client.trpc.discussions.thread.query({ clubId, threadId });
      expect(shown.text?.html).toContain(SECRET);
    }
  });

  it("comments: each comment is judged on its own page", async () => {
    const { clubId, behind, ahead, threadId, early, late } = await spoiledThread();
    const theirs = await behind.client.trpc.discussions.comments.query({ clubId, threadId });
    expect(leaks(theirs)).toBe(false);
    expect(
      theirs.items.map((comment) => [comment.id, comment.text?.excerpt ?? null, comment.spoiler?.page ?? null]),
    ).toEqual([
      [early.id, "Chapter one was slow", null],
      [late.id, null, 212],
    ]);
    const mine = await ahead.client.trpc.discussions.comments.query({ clubId, threadId });
    expect(leaks(mine)).toBe(true);
  });

  it("members not reading the meeting are warned: tagged texts are collapsed for them too", async () => {
    const { clubId, meetingId, bystander, host, threadId } = await spoiledThread();
    for (const reader of [bystander, host]) {
      const list = await reader.client.trpc.discussions.threads.query({ clubId, meetingId });
      expect(leaks(list)).toBe(false);
      expect(list.items[0]?.spoiler).toEqual({ visible: false, reason: "not_reading", page: 212 });
      expect(leaks(await reader.client.trpc.discussions.thread.query({ clubId, threadId }))).toBe(false);
      expect(leaks(await reader.client.trpc.discussions.comments.query({ clubId, threadId }))).toBe(false);
    }
  });

  it("reading on lifts the guard: the same member sees the thread once past its page", async () => {
    const { clubId, behind, meetingId, threadId } = await spoiledThread();
    expect((await behind.client.trpc.discussions.thread.query({ clubId, threadId })).text).toBeNull();
    await behind.client.trpc.progress.update.mutate({ meetingId, page: 212, expectedVersion: 1 });
    expect((await behind.client.trpc.discussions.thread.query({ clubId, threadId })).text?.html).toContain(SECRET);
  });

  it("reveal: the explicit way to read a collapsed thread or comment", async () => {
    const { clubId, behind, threadId, late } = await spoiledThread();
    const thread = await behind.client.trpc.discussions.reveal.query({ clubId, kind: "thread", id: threadId });
    expect(thread.text && "title" in thread.text ? thread.text.title : null).toContain(SECRET);
    const comment = await behind.client.trpc.discussions.reveal.query({ clubId, kind: "comment", id: late.id });
    expect(comment.text?.html).toContain(SECRET);
  });
});
