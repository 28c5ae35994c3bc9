import {
  and,
  discussionThreads,
  eq,
  finishReminders,
  meetings,
  milestoneReminders,
  notifications,
  readingMilestones,
} from "@booky/db";
import { notificationSentence } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { sendFinishReminders, sendMilestoneReminders } from "../src/services/milestone-reminders.js";
import { rejectionOf, startTestServer } from "./harness.js";
import { codeOf, inDays, raceMeeting } from "./race-support.js";

const server = await startTestServer();
const fieldsOf = async (call: Promise<unknown>) => {
  const data = (await rejectionOf(call)).data as { zodError?: { fieldErrors?: object }; field?: string } | undefined;
  return [...Object.keys(data?.zodError?.fieldErrors ?? {}), ...(data?.field ? [data.field] : [])];
};

describe("reading schedules", () => {
  it("a club admin splits the book into milestones; each reader is on track, ahead or behind", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const [first, second] = race.members as [(typeof race.members)[number], (typeof race.members)[number]];
    await first.client.trpc.progress.update.mutate({ meetingId, page: 60, expectedVersion: 0 });
    await second.client.trpc.progress.update.mutate({ meetingId, page: 10, expectedVersion: 0 });
    const set = await race.owner.client.trpc.schedules.set.mutate({
      meetingId,
      milestones: [
        { untilPage: 50, dueAt: inDays(2) },
        { untilPage: 100, dueAt: inDays(6) },
      ],
    });
    expect(set.milestones.map((m) => m.untilPage)).toEqual([50, 100]);
    const standing = (schedule: typeof set, who: { user: { id: string } }) =>
      schedule.standings.find((s) => s.userId === who.user.id)?.standing;
    expect(standing(set, first)).toBe("ahead");
    expect(standing(set, second)).toBe("on_track");

    // The first milestone's date passes.
    await server.db
      .update(readingMilestones)
      .set({ dueAt: inDays(-1) })
      .where(eq(readingMilestones.untilPage, 50));
    const later = await second.client.trpc.schedules.get.query({ meetingId });
    expect(standing(later, first)).toBe("on_track");
    expect(standing(later, second)).toBe("behind");

    // Setting again replaces; an empty schedule removes it.
    const cleared = await race.owner.client.trpc.schedules.set.mutate({ meetingId, milestones: [] });
    expect(cleared.milestones).toEqual([]);
    expect(standing(cleared, second)).toBe("on_track");
  });

  it("refuses milestones past the book's end, after the deadline or out of order, changing nothing", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const set = (milestones: { untilPage: number; dueAt: Date }[]) =>
      race.owner.client.trpc.schedules.set.mutate({ meetingId, milestones });
    await set([{ untilPage: 40, dueAt: inDays(1) }]);
    expect(await fieldsOf(set([{ untilPage: 101, dueAt: inDays(1) }]))).toEqual(["milestones"]);
    expect(await fieldsOf(set([{ untilPage: 50, dueAt: inDays(30) }]))).toEqual(["milestones"]);
    expect(
      await fieldsOf(
        set([
          { untilPage: 60, dueAt: inDays(1) },
          { untilPage: 50, dueAt: inDays(2) },
        ]),
      ),
    ).toEqual(["milestones"]);
    expect(await fieldsOf(set([{ untilPage: 0, dueAt: inDays(1) }]))).toEqual(["milestones"]);
    const rows = await server.db.select().from(readingMilestones).where(eq(readingMilestones.meetingId, meetingId));
    expect(rows.map((row) => row.untilPage)).toEqual([40]);
  });

  it("readers behind a milestone due within a day are reminded once each, by racing sweeps too", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const [ahead, behind, idle] = race.members as [
      (typeof race.members)[number],
      (typeof race.members)[number],
      (typeof race.members)[number],
    ];
    await ahead.client.trpc.progress.update.mutate({ meetingId, page: 60, expectedVersion: 0 });
    await behind.client.trpc.progress.update.mutate({ meetingId, page: 10, expectedVersion: 0 });
    await race.owner.client.trpc.schedules.set.mutate({
      meetingId,
      milestones: [
        { untilPage: 50, dueAt: inDays(0.5) },
        { untilPage: 100, dueAt: inDays(6) },
      ],
    });
    // Two sweeps at once (other tests' meetings are due too), then a third that finds everyone reminded already.
    await Promise.all([sendMilestoneReminders(server.db), sendMilestoneReminders(server.db)]);
    expect(await sendMilestoneReminders(server.db)).toBe(0);
    const reminded = await server.db
      .select({ userId: notifications.userId, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.meetingId, meetingId), eq(notifications.kind, "milestone_reminder")));
    // Behind page 50 half a day before its date: the owner (going too) and two members, not the one on page 60.
    expect(reminded.map((row) => row.userId).sort()).toEqual([race.owner.user.id, behind.user.id, idle.user.id].sort());
    expect(reminded.map((row) => row.userId)).not.toContain(ahead.user.id);
    expect(reminded[0]?.data).toMatchObject({ untilPage: 50 });
    const [item] = (await idle.client.trpc.notifications.list.query({})).items;
    expect(item && notificationSentence(item)).toMatch(/^By \d{4}-\d{2}-\d{2}: page 50 of .+ — you are behind$/);
    const rows = await server.db.select().from(milestoneReminders);
    expect(rows.filter((row) => reminded.some((r) => r.userId === row.userId))).toHaveLength(3);
  });

  it("a reader's own standing, for the home page: null without a schedule or when not going", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const [reader] = race.members as [(typeof race.members)[number]];
    expect(await reader.client.trpc.schedules.mine.query({ meetingId })).toEqual({ standing: null });
    await race.owner.client.trpc.schedules.set.mutate({ meetingId, milestones: [{ untilPage: 50, dueAt: inDays(2) }] });
    await reader.client.trpc.progress.update.mutate({ meetingId, page: 60, expectedVersion: 0 });
    expect(await reader.client.trpc.schedules.mine.query({ meetingId })).toEqual({ standing: "ahead" });
    expect(await race.owner.client.trpc.schedules.mine.query({ meetingId })).toEqual({ standing: "on_track" });
    await reader.client.trpc.meetings.rsvp.mutate({ meetingId, status: "not_going" });
    expect(await reader.client.trpc.schedules.mine.query({ meetingId })).toEqual({ standing: null });
  });

  it("a club admin opens a milestone's thread once, its spoiler page the milestone's end; it outlives a new schedule", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const [ahead, behind] = race.members as [(typeof race.members)[number], (typeof race.members)[number]];
    await ahead.client.trpc.progress.update.mutate({ meetingId, page: 60, expectedVersion: 0 });
    await behind.client.trpc.progress.update.mutate({ meetingId, page: 10, expectedVersion: 0 });
    const set = await race.owner.client.trpc.schedules.set.mutate({
      meetingId,
      milestones: [
        { untilPage: 30, dueAt: inDays(2) },
        { untilPage: 50, dueAt: inDays(4) },
      ],
    });
    const second = set.milestones[1];
    if (!second) throw new Error("no milestone");
    // Two admins at once: one thread, the other CONFLICT; a member may not open one.
    expect(await codeOf(ahead.client.trpc.schedules.openThread.mutate({ meetingId, milestoneId: second.id }))).toBe(
      "FORBIDDEN",
    );
    const attempts = await Promise.allSettled([
      race.owner.client.trpc.schedules.openThread.mutate({ meetingId, milestoneId: second.id }),
      race.owner.client.trpc.schedules.openThread.mutate({ meetingId, milestoneId: second.id }),
    ]);
    const opened = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    expect(opened).toHaveLength(1);
    expect(attempts.flatMap((a) => (a.status === "rejected" ? [a.reason.data?.code] : []))).toEqual(["CONFLICT"]);
    const threads = await server.db.select().from(discussionThreads).where(eq(discussionThreads.meetingId, meetingId));
    expect(threads.map((t) => [t.page, t.title])).toEqual([[50, "Pages 31–50"]]);
    const threadId = opened[0]?.threadId ?? "";
    const clubId = race.club.id;
    const hidden = await behind.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(hidden).toMatchObject({ text: null, spoiler: { reason: "ahead", page: 50, readerPage: 10 } });
    const shown = await ahead.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(shown.text?.title).toBe("Pages 31–50");
    // A new schedule keeps the thread on the milestone ending on its page; another milestone is not in this meeting.
    const again = await race.owner.client.trpc.schedules.set.mutate({
      meetingId,
      milestones: [
        { untilPage: 20, dueAt: inDays(1) },
        { untilPage: 50, dueAt: inDays(5) },
      ],
    });
    expect(again.milestones.map((m) => m.threadId)).toEqual([null, threadId]);
    const elsewhere = await raceMeeting(server);
    expect(
      await fieldsOf(
        elsewhere.owner.client.trpc.schedules.openThread.mutate({
          meetingId: elsewhere.meeting.id,
          milestoneId: again.milestones[0]?.id ?? "",
        }),
      ),
    ).toEqual(["milestoneId"]);
  });

  it("before the meeting, readers going who have not finished are reminded once each, by racing sweeps too", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const [finisher, reading] = race.members as [(typeof race.members)[number], (typeof race.members)[number]];
    await race.owner.client.trpc.schedules.set.mutate({ meetingId, milestones: [{ untilPage: 50, dueAt: inDays(3) }] });
    await finisher.client.trpc.progress.update.mutate({ meetingId, finished: true, expectedVersion: 0 });
    await reading.client.trpc.progress.update.mutate({ meetingId, page: 80, expectedVersion: 0 });
    const told = () =>
      server.db
        .select({ userId: notifications.userId, data: notifications.data })
        .from(notifications)
        .where(and(eq(notifications.meetingId, meetingId), eq(notifications.kind, "milestone_reminder")));
    // A week ahead: not yet.
    await sendFinishReminders(server.db);
    expect(await told()).toEqual([]);
    // The deadline comes within a day.
    await server.db
      .update(meetings)
      .set({ startsAt: inDays(0.5), readingDeadline: inDays(0.5) })
      .where(eq(meetings.id, meetingId));
    await Promise.all([sendFinishReminders(server.db), sendFinishReminders(server.db)]);
    expect(await sendFinishReminders(server.db)).toBe(0);
    const rows = await told();
    const others = race.members.slice(2).map((m) => m.user.id);
    expect(rows.map((row) => row.userId).sort()).toEqual([race.owner.user.id, reading.user.id, ...others].sort());
    expect(rows[0]?.data).toMatchObject({ untilPage: 100 });
    const recorded = await server.db.select().from(finishReminders).where(eq(finishReminders.meetingId, meetingId));
    expect(recorded).toHaveLength(rows.length);
  });
});
