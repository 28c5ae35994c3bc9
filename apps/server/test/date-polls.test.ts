import { and, eq, meetingDatePolls, meetings, meetingTimeMarks, meetingTimeOptions, notifications } from "@booky/db";
import { notificationSentence } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { rejectionOf, startTestServer } from "./harness.js";
import { codeOf, inDays, raceMeeting } from "./race-support.js";

const server = await startTestServer();
const fieldOf = async (call: Promise<unknown>) => {
  const data = (await rejectionOf(call)).data as { zodError?: { fieldErrors?: object }; field?: string } | undefined;
  return [...Object.keys(data?.zodError?.fieldErrors ?? {}), ...(data?.field ? [data.field] : [])];
};

/** A race meeting with a date poll of three times its owner opened. */
async function pollMeeting() {
  const race = await raceMeeting(server);
  const times = [inDays(9), inDays(8), inDays(10)];
  const poll = await race.owner.client.trpc.datePolls.open.mutate({ meetingId: race.meeting.id, times });
  if (!poll) throw new Error("no poll");
  return { ...race, meetingId: race.meeting.id, poll, options: poll.options };
}

const marksOf = (meetingId: string) =>
  server.db
    .select({ userId: meetingTimeMarks.userId, optionId: meetingTimeMarks.optionId })
    .from(meetingTimeMarks)
    .innerJoin(meetingTimeOptions, eq(meetingTimeOptions.id, meetingTimeMarks.optionId))
    .where(eq(meetingTimeOptions.meetingId, meetingId));

describe("date polls", () => {
  it("members mark the times that suit them and change their minds; the admin picks one and attendees are told", async () => {
    const { owner, members, meetingId, options } = await pollMeeting();
    expect(options.map((o) => o.startsAt.getTime())).toEqual(
      [...options.map((o) => o.startsAt.getTime())].sort((a, b) => a - b),
    );
    const [a, b, c] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
    const [early, middle, late] = options as [
      (typeof options)[number],
      (typeof options)[number],
      (typeof options)[number],
    ];
    await a.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [early.id, late.id] });
    await b.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [early.id] });
    // c changes their mind: only the last answer counts.
    await c.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [early.id, middle.id] });
    const seen = await c.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [middle.id] });
    expect(seen?.options.map((o) => [o.count, o.mine])).toEqual([
      [2, false],
      [1, true],
      [1, false],
    ]);
    const { meeting, datePoll } = await owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: early.id });
    expect(meeting.startsAt).toEqual(early.startsAt);
    // The deadline was the start (the default): it moves with it.
    expect(meeting.readingDeadline).toEqual(early.startsAt);
    expect(datePoll?.pickedOptionId).toBe(early.id);
    const told = await server.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.meetingId, meetingId), eq(notifications.kind, "meeting_time_picked")));
    // Everyone going but the admin who picked.
    expect(told.map((row) => row.userId).sort()).toEqual(members.map((m) => m.user.id).sort());
    const [item] = (await a.client.trpc.notifications.list.query({})).items.filter(
      (n) => n.kind === "meeting_time_picked",
    );
    expect(item && notificationSentence(item)).toMatch(
      /^The meeting about A Short Race in .+ is set for \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
    );
  });

  it("refuses past and repeated times, a second poll, marks of other times, a time not in the poll and marks after the pick, changing nothing", async () => {
    const race = await raceMeeting(server);
    const meetingId = race.meeting.id;
    const open = (times: Date[]) => race.owner.client.trpc.datePolls.open.mutate({ meetingId, times });
    expect(await fieldOf(open([inDays(-1), inDays(2)]))).toEqual(["times"]);
    const twice = inDays(3);
    expect(await fieldOf(open([twice, new Date(twice)]))).toEqual(["times"]);
    expect(await fieldOf(open([inDays(3)]))).toEqual(["times"]);
    expect(await server.db.select().from(meetingDatePolls).where(eq(meetingDatePolls.meetingId, meetingId))).toEqual(
      [],
    );
    const [member] = race.members as [(typeof race.members)[number]];
    expect(await codeOf(member.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [] }))).toBe("NOT_FOUND");

    const poll = await open([inDays(2), inDays(3)]);
    expect(await codeOf(open([inDays(4), inDays(5)]))).toBe("CONFLICT");
    const other = await pollMeeting();
    const foreign = other.options[0]?.id ?? "";
    expect(await fieldOf(member.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [foreign] }))).toEqual([
      "optionIds",
    ]);
    expect(await fieldOf(race.owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: foreign }))).toEqual([
      "optionId",
    ]);
    const [first, second] = poll?.options ?? [];
    await member.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [second?.id ?? ""] });
    // A time that has passed since it was offered cannot be picked.
    await server.db
      .update(meetingTimeOptions)
      .set({ startsAt: inDays(-0.5) })
      .where(eq(meetingTimeOptions.id, first?.id ?? ""));
    expect(
      await fieldOf(race.owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: first?.id ?? "" })),
    ).toEqual(["optionId"]);
    // A milestone after the time the deadline would move to: change the schedule first.
    await race.owner.client.trpc.schedules.set.mutate({
      meetingId,
      milestones: [{ untilPage: 50, dueAt: inDays(5) }],
    });
    expect(
      await fieldOf(race.owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: second?.id ?? "" })),
    ).toEqual(["optionId"]);
    await race.owner.client.trpc.schedules.set.mutate({ meetingId, milestones: [] });
    const [before] = await server.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(before?.startsAt).toEqual(race.meeting.startsAt);

    await race.owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: second?.id ?? "" });
    expect(await codeOf(member.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [first?.id ?? ""] }))).toBe(
      "CONFLICT",
    );
    expect(await codeOf(race.owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: second?.id ?? "" }))).toBe(
      "CONFLICT",
    );
    expect((await marksOf(meetingId)).map((m) => m.optionId)).toEqual([second?.id]);
  });

  it("marks racing the pick: each is counted before it or refused, and two picks at once make one", async () => {
    const { owner, members, meetingId, options } = await pollMeeting();
    const [early, middle] = options as [(typeof options)[number], (typeof options)[number]];
    const results = await Promise.allSettled([
      ...members.map((m) => m.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [middle.id] })),
      owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: early.id }),
      owner.client.trpc.datePolls.pick.mutate({ meetingId, optionId: middle.id }),
    ]);
    const marks = results.slice(0, members.length);
    const picks = results.slice(members.length);
    expect(picks.filter((p) => p.status === "fulfilled")).toHaveLength(1);
    expect(picks.flatMap((p) => (p.status === "rejected" ? [p.reason.data?.code] : []))).toEqual(["CONFLICT"]);
    // Each mark landed (and is stored) or was refused with CONFLICT (and stored nothing).
    const stored = new Set((await marksOf(meetingId)).map((m) => m.userId));
    marks.forEach((mark, index) => {
      const who = members[index]?.user.id ?? "";
      if (mark.status === "fulfilled") expect(stored.has(who)).toBe(true);
      else {
        expect(mark.reason.data?.code).toBe("CONFLICT");
        expect(stored.has(who)).toBe(false);
      }
    });
    const [poll] = await server.db.select().from(meetingDatePolls).where(eq(meetingDatePolls.meetingId, meetingId));
    const picked = options.find((o) => o.id === poll?.pickedOptionId);
    const [meeting] = await server.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(meeting?.startsAt).toEqual(picked?.startsAt);
  });
});
