import { bets, eq, meetings, pointLedger, sql } from "@booky/db";
import { POINTS } from "@booky/domain";
import { describe, expect, it, vi } from "vitest";
import { startTestServer } from "./harness.js";
import { balanceOf, expectLedgerConsistent, finish, placeBet, raceMeeting, settled } from "./race-support.js";

// The server runs the job queue's workers, as in production.
const server = await startTestServer({ jobs: true });

async function betsOf(meetingId: string) {
  const rows = await server.db.select().from(bets).where(eq(bets.meetingId, meetingId));
  return Object.fromEntries(rows.map((bet) => [bet.userId, bet]));
}

describe("settlement through the job queue", () => {
  it("pays the pool pari-mutuel to the first finisher's backers, plus finish rewards, once", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 3);
    const [ana, ben, cal] = members;
    if (!ana || !ben || !cal) throw new Error("no readers");
    const place = (who: typeof ana, horse: typeof ana, stake: number) => placeBet(meeting.id, who, horse, stake);
    await place(ana, ana, 100);
    await place(ben, ben, 200);
    await place(cal, ana, 50);
    await place(owner, ben, 150);
    await finish(ana, meeting.id);
    await finish(ben, meeting.id);

    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
    const settlement = await settled(server, meeting.id);

    // Pool 500 over winning stakes 150: ana 333 + cal 166 = 499, the last point to the largest stake (ana).
    expect(settlement).toMatchObject({ kind: "paid", pool: 500, winnerIds: [ana.user.id], finishers: 2, attendees: 4 });
    const byUser = await betsOf(meeting.id);
    expect(byUser[ana.user.id]).toMatchObject({ status: "won", payout: 334 });
    expect(byUser[cal.user.id]).toMatchObject({ status: "won", payout: 166 });
    expect(byUser[ben.user.id]).toMatchObject({ status: "lost", payout: 0 });
    expect(byUser[owner.user.id]).toMatchObject({ status: "lost", payout: 0 });
    expect(await balanceOf(server, ana.user.id)).toBe(1000 - 100 + 334 + POINTS.finishReward);
    expect(await balanceOf(server, ben.user.id)).toBe(1000 - 200 + POINTS.finishReward);
    expect(await balanceOf(server, cal.user.id)).toBe(1000 - 50 + 166);
    expect(await balanceOf(server, owner.user.id)).toBe(1000 - 150);

    // Scores count earnings only: ana's profit 234 + finish reward; cal's profit 116.
    expect((await ana.client.trpc.points.balance.query()).score.allTime).toBe(234 + POINTS.finishReward);
    expect((await cal.client.trpc.points.balance.query()).score.allTime).toBe(116);
    expect((await owner.client.trpc.points.balance.query()).score.allTime).toBe(0);

    const view = await cal.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(view).toMatchObject({ open: false, settlement: { kind: "paid" }, myBet: { status: "won", payout: 166 } });
    expect(view.winners.map((winner) => winner.id)).toEqual(view.settlement?.winnerIds);
    expect(view.winners.length).toBeGreaterThan(0);
    const history = await cal.client.trpc.bets.mine.query({});
    expect(history.items[0]?.bet).toMatchObject({ status: "won", payout: 166 });
    await expectLedgerConsistent(server);
  });

  it("refunds every stake when the meeting is cancelled, with no rewards", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members;
    if (!ana || !ben) throw new Error("no readers");
    await placeBet(meeting.id, ana, ben, 70);
    await placeBet(meeting.id, ben, ben, 30);
    await finish(ben, meeting.id);
    await owner.client.trpc.meetings.cancel.mutate({ meetingId: meeting.id });
    expect(await settled(server, meeting.id)).toMatchObject({ kind: "refunded", pool: 100 });
    expect(await balanceOf(server, ana.user.id)).toBe(1000);
    expect(await balanceOf(server, ben.user.id)).toBe(1000);
    expect(Object.values(await betsOf(meeting.id)).map((bet) => bet.status)).toEqual(["refunded", "refunded"]);
    await expectLedgerConsistent(server);
  });

  it("refunds everyone when nobody finished, or nobody backed a finisher", async () => {
    for (const someoneFinishes of [false, true]) {
      const { meeting, owner, members } = await raceMeeting(server, 2);
      const [ana, ben] = members;
      if (!ana || !ben) throw new Error("no readers");
      await placeBet(meeting.id, ana, ana, 10);
      await placeBet(meeting.id, ben, ana, 20);
      if (someoneFinishes) await finish(owner, meeting.id);
      await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
      await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
      expect(await settled(server, meeting.id)).toMatchObject({ kind: "refunded", pool: 30 });
      // The pool says what it held; no horse is backed any more: every stake went back.
      const pool = await ben.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
      expect(pool).toMatchObject({ pool: 30, settlement: { kind: "refunded", pool: 30 } });
      expect(pool.horses.every((row) => row.stake === 0 && row.backers === 0)).toBe(true);
      expect(await balanceOf(server, ana.user.id)).toBe(1000);
      expect(await balanceOf(server, ben.user.id)).toBe(1000);
      expect(await balanceOf(server, owner.user.id)).toBe(1000 + (someoneFinishes ? POINTS.finishReward : 0));
    }
    await expectLedgerConsistent(server);
  });

  it("shares the win between attendees who finished at the very same moment", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members;
    if (!ana || !ben) throw new Error("no readers");
    await placeBet(meeting.id, ana, ana, 10);
    await placeBet(meeting.id, ben, ben, 30);
    await placeBet(meeting.id, owner, owner, 60);
    await finish(ana, meeting.id);
    await finish(ben, meeting.id);
    await server.db.execute(
      sql`update reading_progress set finished_at = date_trunc('second', now()) where meeting_id = ${meeting.id}`,
    );
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
    const settlement = await settled(server, meeting.id);
    expect(new Set(settlement.winnerIds)).toEqual(new Set([ana.user.id, ben.user.id]));
    const byUser = await betsOf(meeting.id);
    // Pool 100 over winning stakes 40: 25 and 75.
    expect(byUser[ana.user.id]).toMatchObject({ status: "won", payout: 25 });
    expect(byUser[ben.user.id]).toMatchObject({ status: "won", payout: 75 });
    expect(byUser[owner.user.id]).toMatchObject({ status: "lost", payout: 0 });
    // The pool names both winners, in the settlement's order.
    const pool = await owner.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(pool.winners.map((winner) => winner.id)).toEqual(settlement.winnerIds);
  });

  it("closes a meeting nobody closed six hours after its start, and settles it", async () => {
    const { meeting, members } = await raceMeeting(server, 1);
    const [ana] = members;
    if (!ana) throw new Error("no reader");
    await placeBet(meeting.id, ana, ana, 10);
    await finish(ana, meeting.id);
    // Time passes: the meeting started seven hours ago (its deadline with it).
    await server.db.execute(
      sql`update meetings set starts_at = now() - interval '7 hours', reading_deadline = now() - interval '7 hours' + interval '1 second'
          where id = ${meeting.id}`,
    );
    await server.db.execute(
      sql`update reading_progress set finished_at = now() - interval '8 hours' where meeting_id = ${meeting.id}`,
    );
    await server.db.execute(sql`select graphile_worker.add_job('close-due-meetings')`);
    const settlement = await settled(server, meeting.id);
    expect(settlement).toMatchObject({ kind: "paid", winnerIds: [ana.user.id] });
    const [closed] = await server.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(closed?.status).toBe("closed");
    expect(await balanceOf(server, ana.user.id)).toBe(1000 + POINTS.finishReward);
  });

  it("rewards recorded attendance once, however often it is recorded", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 1);
    const [ana] = members;
    if (!ana) throw new Error("no reader");
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    const attendance = { meetingId: meeting.id, attendance: [{ userId: ana.user.id, attended: true }] };
    const first = await owner.client.trpc.meetings.recordAttendance.mutate(attendance);
    const again = await owner.client.trpc.meetings.recordAttendance.mutate(attendance);
    expect([first.rewarded, again.rewarded]).toEqual([1, 0]);
    expect(await balanceOf(server, ana.user.id)).toBe(1000 + POINTS.attendanceReward);
    const rewards = await server.db
      .select()
      .from(pointLedger)
      .where(sql`${pointLedger.userId} = ${ana.user.id} and ${pointLedger.kind} = 'attendance_reward'`);
    expect(rewards).toHaveLength(1);
  });
});

describe("leaderboards", () => {
  it("ranks users by score with shared ranks for ties, and shows my rank and neighbours", async () => {
    const { meeting, club, owner, members } = await raceMeeting(server, 3);
    const [ana, ben, cal] = members;
    if (!ana || !ben || !cal) throw new Error("no readers");
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    // ana and ben attend (20 each); cal finished earlier and so earns the finish reward at close (50).
    await finish(cal, meeting.id);
    await owner.client.trpc.meetings.recordAttendance.mutate({
      meetingId: meeting.id,
      attendance: [
        { userId: ana.user.id, attended: true },
        { userId: ben.user.id, attended: true },
        { userId: cal.user.id, attended: true },
      ],
    });
    await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
    await settled(server, meeting.id);

    // The club board, like the global one, is a materialized view refreshed by the queue a moment later;
    // an earlier refresh (attendance) may land first: wait for the one after settlement.
    const board = await vi.waitFor(
      async () => {
        const page = await owner.client.trpc.leaderboards.users.query({ scope: "club", clubId: club.id });
        if (page.items.length < 3 || page.items[0]?.score !== 70) throw new Error("scores not there yet");
        return page;
      },
      { timeout: 15_000 },
    );
    expect(board.items.map((entry) => [entry.user.id, entry.rank, entry.score])).toEqual([
      [cal.user.id, 1, 70],
      ...[
        [ana.user.id, 2, 20],
        [ben.user.id, 2, 20],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    // The owner earned nothing: ranked just below everyone who did, next to the last of them.
    expect(board.me).toEqual({ rank: 4, score: 0 });
    expect(board.neighbours.map((entry) => entry.rank)).toEqual([2, 2]);

    const paged = await ana.client.trpc.leaderboards.users.query({ scope: "club", clubId: club.id, limit: 2 });
    expect(paged.items).toHaveLength(2);
    const rest = await ana.client.trpc.leaderboards.users.query({
      scope: "club",
      clubId: club.id,
      limit: 2,
      cursor: paged.nextCursor,
    });
    expect(rest.items.map((entry) => entry.rank)).toEqual([2]);
    expect(rest.nextCursor).toBeNull();
    expect(paged.me.rank).toBe(2);

    // The global board is a materialized view refreshed by the queue a moment later.
    const global = await vi.waitFor(
      async () => {
        const page = await cal.client.trpc.leaderboards.users.query({ scope: "global", limit: 50 });
        // An earlier refresh (attendance) may land first: wait for the one after settlement.
        if (page.me.score !== 70) throw new Error("not refreshed yet");
        return page;
      },
      { timeout: 15_000 },
    );
    const ranks = global.items.map((entry) => entry.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(global.me.score).toBe(70);
    const monthly = await cal.client.trpc.leaderboards.users.query({ scope: "global", period: "thisMonth" });
    expect(monthly.me.score).toBe(70);

    const clubs = await vi.waitFor(
      async () => {
        const page = await ana.client.trpc.leaderboards.clubs.query({ limit: 50 });
        const mine = page.items.find((entry) => entry.club.id === club.id);
        if (!mine) throw new Error("club not ranked yet");
        return mine;
      },
      { timeout: 15_000 },
    );
    // Points 110 (20 + 20 + 70) raised by the finishing rate 1 / 4: floor(110 × 5 / 4) = 137.
    expect(clubs.score).toBe(137);
  });

  it("ranks friends among themselves and keeps private clubs' boards to their members", async () => {
    const { club, owner, members, outsider } = await raceMeeting(server, 1);
    const [ana] = members;
    if (!ana) throw new Error("no reader");
    await owner.client.trpc.clubs.update.mutate({ clubId: club.id, changes: { visibility: "private" } });
    const denied = owner.client.trpc.leaderboards.users.query({ scope: "club", clubId: club.id });
    await expect(denied).resolves.toBeDefined();
    await expect(
      outsider.client.trpc.leaderboards.users.query({ scope: "club", clubId: club.id }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(outsider.client.trpc.leaderboards.users.query({ scope: "club" })).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
    });
    await ana.client.trpc.friends.request.mutate({ username: outsider.details.username });
    const friends = await outsider.client.trpc.leaderboards.users.query({ scope: "friends" });
    expect(friends.items).toEqual([]);
    expect(friends.me).toEqual({ rank: 1, score: 0 });
  });
});
