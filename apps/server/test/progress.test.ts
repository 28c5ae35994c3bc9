import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { clubWithMeeting } from "./race-support.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

async function race() {
  const host = await signedUpClient(server);
  const reader = await signedUpClient(server);
  const { meeting } = await clubWithMeeting(server, host, [reader], {
    club: { name: "Page Turners", category: "mystery" },
    book: { title: "The Big Sleep", authors: ["Raymond Chandler"], pageCount: 200 },
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    link: "https://meet.example.com/turners",
  });
  const meetingId = meeting.id;
  await host.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
  await reader.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
  return { host, reader, meetingId };
}

describe("progress.update", () => {
  it("moves forward version by version and marks the last page as finished", async () => {
    const { reader, meetingId } = await race();
    const first = await reader.client.trpc.progress.update.mutate({ meetingId, page: 50, expectedVersion: 0 });
    expect(first).toMatchObject({ page: 50, version: 1, percent: 25, finished: false });
    const done = await reader.client.trpc.progress.update.mutate({ meetingId, finished: true, expectedVersion: 1 });
    expect(done).toMatchObject({ page: 200, version: 2, percent: 100, finished: true });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it("refuses going backwards unless it is a correction, which is recorded as such", async () => {
    const { reader, meetingId } = await race();
    await reader.client.trpc.progress.update.mutate({ meetingId, page: 120, expectedVersion: 0 });
    const back = await rejectionOf(
      reader.client.trpc.progress.update.mutate({ meetingId, page: 80, expectedVersion: 1 }),
    );
    expect(back.data?.zodError?.fieldErrors).toHaveProperty("page");
    const fixed = await reader.client.trpc.progress.update.mutate({
      meetingId,
      page: 80,
      expectedVersion: 1,
      correction: true,
    });
    expect(fixed).toMatchObject({ page: 80, version: 2 });
    const history = await reader.client.trpc.progress.history.query({ meetingId });
    expect(history.items.map((point) => [point.page, point.correction])).toEqual([
      [120, false],
      [80, true],
    ]);
  });

  it("refuses pages beyond the book and bad input, changing nothing", async () => {
    const { reader, meetingId } = await race();
    const beyond = await rejectionOf(
      reader.client.trpc.progress.update.mutate({ meetingId, page: 201, expectedVersion: 0 }),
    );
    expect(beyond.data?.zodError?.fieldErrors).toHaveProperty("page");
    const negative = await rejectionOf(
      reader.client.trpc.progress.update.mutate({ meetingId, page: -1, expectedVersion: 0 }),
    );
    expect(negative.data?.code).toBe("BAD_REQUEST");
    const nothing = await rejectionOf(reader.client.trpc.progress.update.mutate({ meetingId, expectedVersion: 0 }));
    expect(nothing.data?.zodError?.fieldErrors).toHaveProperty("page");
    expect(await reader.client.trpc.progress.get.query({ meetingId })).toMatchObject({ page: 0, version: 0 });
  });

  it("of two updates based on the same version, exactly one wins; the loser gets the current state", async () => {
    const { reader, meetingId } = await race();
    await reader.client.trpc.progress.update.mutate({ meetingId, page: 10, expectedVersion: 0 });
    const results = await Promise.allSettled([
      reader.client.trpc.progress.update.mutate({ meetingId, page: 30, expectedVersion: 1 }),
      reader.client.trpc.progress.update.mutate({ meetingId, page: 40, expectedVersion: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected");
    const error = lost?.status === "rejected" ? lost.reason : null;
    expect(error?.data?.code).toBe("CONFLICT");
    expect(error?.data?.current).toMatchObject({ version: 2 });
    const history = await reader.client.trpc.progress.history.query({ meetingId });
    expect(history.items).toHaveLength(2);
  });

  it("is for attendees of an open meeting only", async () => {
    const { host, meetingId } = await race();
    const maybe = await signedUpClient(server);
    expect(await codeOf(maybe.client.trpc.progress.update.mutate({ meetingId, page: 1, expectedVersion: 0 }))).toBe(
      "FORBIDDEN",
    );
    await host.client.trpc.meetings.rsvp.mutate({ meetingId, status: "interested" });
    expect(await codeOf(host.client.trpc.progress.update.mutate({ meetingId, page: 1, expectedVersion: 0 }))).toBe(
      "FORBIDDEN",
    );
    await host.client.trpc.meetings.cancel.mutate({ meetingId });
    await host.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" }).catch(() => {});
    expect(await codeOf(host.client.trpc.progress.update.mutate({ meetingId, page: 1, expectedVersion: 0 }))).toBe(
      "CONFLICT",
    );
    expect(await codeOf(server.client().trpc.progress.update.mutate({ meetingId, page: 1, expectedVersion: 0 }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("progress.forMeeting", () => {
  it("shows every attendee's page and percent, finishers first", async () => {
    const { host, reader, meetingId } = await race();
    await host.client.trpc.progress.update.mutate({ meetingId, page: 150, expectedVersion: 0 });
    await reader.client.trpc.progress.update.mutate({ meetingId, finished: true, expectedVersion: 0 });
    const board = await host.client.trpc.progress.forMeeting.query({ meetingId });
    expect(board.items.map((row) => [row.user.id, row.page, row.percent, row.finished])).toEqual([
      [reader.user.id, 200, 100, true],
      [host.user.id, 150, 75, false],
    ]);
    const firstPage = await host.client.trpc.progress.forMeeting.query({ meetingId, limit: 1 });
    const secondPage = await host.client.trpc.progress.forMeeting.query({
      meetingId,
      limit: 1,
      cursor: firstPage.nextCursor,
    });
    expect([...firstPage.items, ...secondPage.items].map((row) => row.user.id)).toEqual([reader.user.id, host.user.id]);
  });
});
