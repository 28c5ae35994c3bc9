import { and, eq, milestoneReminders, notifications, readingMilestones } from "@booky/db";
import { notificationSentence } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { sendMilestoneReminders } from "../src/services/milestone-reminders.js";
import { rejectionOf, startTestServer } from "./harness.js";
import { inDays, raceMeeting } from "./race-support.js";

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
});
