import { and, bets, eq, pointLedger, sql, webhookDeliveries } from "@booky/db";
import { POINTS } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { rejectionOf, startTestServer } from "./harness.js";
import {
  balanceOf,
  codeOf,
  expectLedgerConsistent,
  finish,
  placeBet,
  type Reader,
  raceMeeting,
  settled,
} from "./race-support.js";

// The job queue runs in the server, as in production: closing a meeting settles it.
const server = await startTestServer({ jobs: true });

const report = (reader: Reader, meetingId: string, page: number, expectedVersion = 0) =>
  reader.client.trpc.progress.update.mutate({ meetingId, page, expectedVersion });

async function betRows(meetingId: string) {
  return server.db.select().from(bets).where(eq(bets.meetingId, meetingId));
}

/** What a refused call must leave as it was: the bets, the ledger and everyone's answers. */
async function stateOf(meetingId: string) {
  const [row] = await server.db.execute<{ bets: string; ledger: number; rsvps: string; clubs: string }>(sql`
    select (select coalesce(json_agg(b order by b.id), '[]')::text from bets b where b.meeting_id = ${meetingId}) as bets,
           (select count(*)::int from point_ledger) as ledger,
           (select coalesce(json_agg(r order by r.user_id), '[]')::text from meeting_rsvps r
              where r.meeting_id = ${meetingId}) as rsvps,
           (select coalesce(json_agg(c.betting_enabled order by c.id), '[]')::text from clubs c) as clubs`);
  return row;
}

/** Every point in the scene's accounts: balances plus stakes still riding in open bets. */
async function pointsHeld(people: Reader[]) {
  let total = 0;
  for (const person of people) total += await balanceOf(server, person.user.id);
  const [open] = await server.db.execute<{ stakes: number }>(
    sql`select coalesce(sum(stake), 0)::int as stakes from bets where status = 'open'
        and user_id in (${sql.join(
          people.map((person) => sql`${person.user.id}`),
          sql`, `,
        )})`,
  );
  return total + (open?.stakes ?? 0);
}

describe("reading without racing", () => {
  it("hides the member's page from others on the board, the history, friends' activity and the schedule; they see their own", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await owner.client.trpc.schedules.set.mutate({
      meetingId: meeting.id,
      milestones: [{ untilPage: 100, dueAt: new Date(meeting.startsAt.getTime() - 86_400_000) }],
    });
    await report(ana, meeting.id, 40);
    await report(ben, meeting.id, 20);
    await ben.client.trpc.friends.request.mutate({ username: ana.details.username });
    const [request] = (await ana.client.trpc.friends.requests.query({ box: "incoming" })).items;
    if (!request) throw new Error("no friend request");
    await ana.client.trpc.friends.accept.mutate({ requestId: request.id });

    expect(await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false })).toEqual({
      meetingId: meeting.id,
      userId: ana.user.id,
      racing: false,
      refundedBets: 0,
    });

    const board = await ben.client.trpc.progress.forMeeting.query({ meetingId: meeting.id });
    const anaSeenByBen = board.items.find((row) => row.user.id === ana.user.id);
    expect(anaSeenByBen).toMatchObject({ racing: false, revealed: false, page: 0, percent: 0, finishedAt: null });
    // Below every racer, so the place gives nothing away.
    expect(board.items.at(-1)?.user.id).toBe(ana.user.id);
    expect(board.items.find((row) => row.user.id === ben.user.id)).toMatchObject({ revealed: true, page: 20 });
    const own = await ana.client.trpc.progress.forMeeting.query({ meetingId: meeting.id });
    expect(own.items.find((row) => row.user.id === ana.user.id)).toMatchObject({ revealed: true, page: 40 });

    const history = await ben.client.trpc.progress.history.query({ meetingId: meeting.id });
    expect(history.items.map((row) => row.userId)).toEqual([ben.user.id]);
    const ownHistory = await ana.client.trpc.progress.history.query({ meetingId: meeting.id, userId: ana.user.id });
    expect(ownHistory.items.map((row) => row.page)).toEqual([40]);

    const activity = await ben.client.trpc.friends.activity.query({});
    expect(activity.items.filter((row) => row.user.id === ana.user.id)).toEqual([]);

    const schedule = await ben.client.trpc.schedules.get.query({ meetingId: meeting.id });
    expect(schedule.standings.find((row) => row.userId === ana.user.id)).toMatchObject({ standing: null });
    expect(schedule.standings.find((row) => row.userId === ben.user.id)?.standing).not.toBeNull();
    const mine = await ana.client.trpc.schedules.get.query({ meetingId: meeting.id });
    expect(mine.standings.find((row) => row.userId === ana.user.id)?.standing).not.toBeNull();

    // Rejoining shows the page again.
    await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: true });
    const again = await ben.client.trpc.progress.forMeeting.query({ meetingId: meeting.id });
    expect(again.items[0]).toMatchObject({ user: { id: ana.user.id }, revealed: true, page: 40 });
  });

  it("finishing tells the club's webhooks of racers only", async () => {
    const { club, meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    const hook = await owner.client.trpc.webhooks.create.mutate({
      clubId: club.id,
      url: "https://hooks.example.com/booky",
      events: ["member.finished"],
    });
    await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false });
    await finish(ana, meeting.id);
    await finish(ben, meeting.id);
    const deliveries = await server.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(
      deliveries.map((row) => (row.payload as { data: { member: { username: string } } }).data.member.username),
    ).toEqual([ben.user.username]);
  });

  it("cannot be bet on (typed error, nothing changed) and is not in the pool", async () => {
    const { meeting, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await ana.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going", racing: false });
    const before = await stateOf(meeting.id);
    const refusal = await rejectionOf(placeBet(meeting.id, ben, ana, 10));
    expect(refusal.data?.code).toBe("BAD_REQUEST");
    expect(refusal.message).toMatch(/without racing/);
    expect(refusal.data?.zodError?.fieldErrors).toHaveProperty("horseId");
    expect(await stateOf(meeting.id)).toEqual(before);
    const pool = await ben.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(pool.horses.map((row) => row.horse.id)).not.toContain(ana.user.id);
    // A member reading without racing may still bet on those who race.
    await placeBet(meeting.id, ana, ben, 10);
  });

  it("refuses a bet on a member who has already finished the book", async () => {
    const { meeting, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await finish(ana, meeting.id);
    const before = await stateOf(meeting.id);
    const refusal = await rejectionOf(placeBet(meeting.id, ben, ana, 10));
    expect(refusal.data?.code).toBe("BAD_REQUEST");
    expect(refusal.message).toMatch(/already finished/);
    expect(await stateOf(meeting.id)).toEqual(before);
  });

  it("leaving the race refunds the open bets on the member exactly once, in the same call; their own bets stay", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await placeBet(meeting.id, ben, ana, 120);
    await placeBet(meeting.id, owner, ana, 30);
    await placeBet(meeting.id, ana, ben, 50);
    const left = await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false });
    expect(left.refundedBets).toBe(2);
    expect(await balanceOf(server, ben.user.id)).toBe(POINTS.startingGrant);
    expect(await balanceOf(server, owner.user.id)).toBe(POINTS.startingGrant);
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - 50);
    const rows = await betRows(meeting.id);
    expect(rows.filter((bet) => bet.horseId === ana.user.id).map((bet) => [bet.status, bet.payout])).toEqual([
      ["refunded", 120],
      ["refunded", 30],
    ]);
    expect(rows.find((bet) => bet.userId === ana.user.id)).toMatchObject({ status: "open" });
    // Leaving again, or answering the RSVP again, refunds nothing more.
    expect(
      (await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false })).refundedBets,
    ).toBe(0);
    await ana.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going", racing: false });
    const refunds = await server.db
      .select()
      .from(pointLedger)
      .where(and(eq(pointLedger.meetingId, meeting.id), eq(pointLedger.kind, "refund")));
    expect(refunds).toHaveLength(2);
    // A refunded bet frees its bettor to back someone else; the pool shows the live bet.
    const again = await placeBet(meeting.id, ben, ben, 70);
    expect((await ben.client.trpc.bets.forMeeting.query({ meetingId: meeting.id })).myBet).toMatchObject({
      id: again.id,
      status: "open",
    });
    // Back in the race, ana is backed by nothing: the stakes returned to her former backers are not in the pool.
    await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: true });
    const pool = await ben.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(pool.pool).toBe(120);
    expect(pool.horses.map((row) => [row.horse.id, row.stake, row.backers])).toEqual(
      expect.arrayContaining([
        [ben.user.id, 120, 2],
        [ana.user.id, 0, 0],
      ]),
    );
    await expectLedgerConsistent(server);
  });

  it("earns the finish and attendance rewards as usual, but does not win the race", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await placeBet(meeting.id, ben, ben, 100);
    await placeBet(meeting.id, owner, ben, 100);
    await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false });
    await finish(ana, meeting.id);
    await finish(ben, meeting.id);
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    await owner.client.trpc.meetings.recordAttendance.mutate({
      meetingId: meeting.id,
      attendance: [{ userId: ana.user.id, attended: true }],
    });
    await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
    const settlement = await settled(server, meeting.id);
    expect(settlement).toMatchObject({ kind: "paid", pool: 200, winnerIds: [ben.user.id], finishers: 2 });
    expect(await balanceOf(server, ana.user.id)).toBe(
      POINTS.startingGrant + POINTS.finishReward + POINTS.attendanceReward,
    );
    // The pool of 200 is split between ben's and the owner's bets on him: ben gets his 100 back.
    expect(await balanceOf(server, ben.user.id)).toBe(POINTS.startingGrant + POINTS.finishReward);
    await expectLedgerConsistent(server);
  });

  it("refuses bad calls with a typed error and changes nothing", async () => {
    const { meeting, owner, members, outsider } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await placeBet(meeting.id, ben, ana, 10);
    await ben.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "interested" });
    const before = await stateOf(meeting.id);
    const setRacing = ana.client.trpc.progress.setRacing.mutate as (input: unknown) => Promise<unknown>;
    expect(await codeOf(setRacing({ meetingId: meeting.id, racing: "no" }))).toBe("BAD_REQUEST");
    expect(await codeOf(setRacing({ meetingId: "not-a-meeting", racing: false }))).toBe("BAD_REQUEST");
    expect(await codeOf(setRacing({ meetingId: crypto.randomUUID(), racing: false }))).toBe("NOT_FOUND");
    const rsvp = ana.client.trpc.meetings.rsvp.mutate as (input: unknown) => Promise<unknown>;
    expect(await codeOf(rsvp({ meetingId: meeting.id, status: "going", racing: 1 }))).toBe("BAD_REQUEST");
    // Not going: nothing to race in. Not a member: not theirs to change.
    expect(await codeOf(ben.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(outsider.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await stateOf(meeting.id)).toEqual(before);

    await owner.client.trpc.meetings.cancel.mutate({ meetingId: meeting.id });
    await settled(server, meeting.id);
    const ended = await stateOf(meeting.id);
    const late = await rejectionOf(ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false }));
    expect(late.data?.code).toBe("CONFLICT");
    expect(await stateOf(meeting.id)).toEqual(ended);
  });
});

describe("leaving the race, racing other calls", () => {
  it("against a bet being placed on the member: the bet is refunded or refused, never left open", async () => {
    for (let round = 0; round < 5; round++) {
      const { meeting, members } = await raceMeeting(server, 2);
      const [ana, ben] = members as [Reader, Reader];
      const [bet, left] = await Promise.allSettled([
        placeBet(meeting.id, ben, ana, 40),
        ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false }),
      ]);
      expect(left.status).toBe("fulfilled");
      const rows = await betRows(meeting.id);
      expect(rows.filter((row) => row.status === "open")).toEqual([]);
      if (bet.status === "fulfilled") {
        expect(rows).toMatchObject([{ id: bet.value.id, status: "refunded", payout: 40 }]);
        expect(left.status === "fulfilled" && left.value.refundedBets).toBe(1);
      } else {
        expect((await rejectionOf(Promise.reject(bet.reason))).data?.code).toBe("BAD_REQUEST");
        expect(rows).toEqual([]);
      }
      expect(await balanceOf(server, ben.user.id)).toBe(POINTS.startingGrant);
    }
    await expectLedgerConsistent(server);
  }, 90_000);

  it("against the settlement: every bet has exactly one outcome, and points are conserved", async () => {
    for (let round = 0; round < 5; round++) {
      const { meeting, owner, members } = await raceMeeting(server, 2);
      const [ana, ben] = members as [Reader, Reader];
      const people = [owner, ana, ben];
      await placeBet(meeting.id, ben, ana, 100);
      await placeBet(meeting.id, owner, ana, 50);
      await placeBet(meeting.id, ana, ana, 25);
      await finish(ana, meeting.id);
      await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
      const before = await pointsHeld(people);
      const [left] = await Promise.allSettled([
        ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false }),
        owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id }),
      ]);
      const settlement = await settled(server, meeting.id);
      const rows = await betRows(meeting.id);
      expect(rows.map((row) => row.status).filter((status) => status === "open")).toEqual([]);
      if (left.status === "fulfilled") {
        // Left first: all three bets were on ana, refunded; the settlement found an empty pool.
        expect(rows.map((row) => row.status)).toEqual(["refunded", "refunded", "refunded"]);
        expect(settlement).toMatchObject({ pool: 0, winnerIds: [] });
      } else {
        expect((await rejectionOf(Promise.reject(left.reason))).data?.code).toBe("CONFLICT");
        expect(settlement).toMatchObject({ kind: "paid", pool: 175, winnerIds: [ana.user.id] });
      }
      const returns = await server.db.execute<{ bet_id: string; n: number }>(sql`
        select bet_id, count(*)::int as n from point_ledger
        where meeting_id = ${meeting.id} and kind in ('payout', 'refund') group by bet_id`);
      expect(returns.every((row) => row.n === 1)).toBe(true);
      // Only ana's finish reward is new; every staked point went back or to the winners.
      expect(await pointsHeld(people)).toBe(before + POINTS.finishReward);
    }
    await expectLedgerConsistent(server);
  }, 90_000);
});

describe("clubs.setBetting", () => {
  it("turns betting off: open bets refunded once, no pools, betting calls refused; progress and rewards stay", async () => {
    const { club, meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members as [Reader, Reader];
    await placeBet(meeting.id, ana, ben, 60);
    await placeBet(meeting.id, ben, ben, 40);
    expect(await codeOf(ana.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: false }))).toBe(
      "FORBIDDEN",
    );
    const off = await owner.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: false });
    expect(off).toEqual({ clubId: club.id, bettingEnabled: false, refundedBets: 2 });
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant);
    expect(await balanceOf(server, ben.user.id)).toBe(POINTS.startingGrant);
    expect((await owner.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: false })).refundedBets).toBe(0);

    expect(await ana.client.trpc.meetings.get.query({ meetingId: meeting.id })).toMatchObject({
      bettingEnabled: false,
    });
    expect(await ana.client.trpc.clubs.get.query({ clubId: club.id })).toMatchObject({ bettingEnabled: false });
    const before = await stateOf(meeting.id);
    expect(await codeOf(ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id }))).toBe("CONFLICT");
    expect(await codeOf(placeBet(meeting.id, ana, ben, 10))).toBe("CONFLICT");
    expect(await stateOf(meeting.id)).toEqual(before);

    await finish(ben, meeting.id);
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    await owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id });
    expect(await settled(server, meeting.id)).toMatchObject({ pool: 0, finishers: 1 });
    expect(await balanceOf(server, ben.user.id)).toBe(POINTS.startingGrant + POINTS.finishReward);
    const refunds = await server.db
      .select()
      .from(pointLedger)
      .where(and(eq(pointLedger.meetingId, meeting.id), eq(pointLedger.kind, "refund")));
    expect(refunds).toHaveLength(2);
    await expectLedgerConsistent(server);
  });

  it("turns betting back on with empty pools: the refunded stakes are not in them", async () => {
    const { club, meeting, owner, members } = await raceMeeting(server, 1);
    const [ana] = members as [Reader];
    await placeBet(meeting.id, ana, owner, 25);
    await owner.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: false });
    expect(await owner.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: true })).toMatchObject({
      bettingEnabled: true,
    });
    const empty = await ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(empty.pool).toBe(0);
    expect(empty.horses.every((row) => row.stake === 0 && row.backers === 0 && row.odds === null)).toBe(true);
    await placeBet(meeting.id, ana, owner, 5);
    const pool = await ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(pool.pool).toBe(5);
    expect(pool.horses[0]).toMatchObject({ horse: { id: owner.user.id }, stake: 5, backers: 1 });
  });

  it("refuses bad input with a typed error and changes nothing", async () => {
    const { club, meeting, owner } = await raceMeeting(server, 1);
    const before = await stateOf(meeting.id);
    const setBetting = owner.client.trpc.clubs.setBetting.mutate as (input: unknown) => Promise<unknown>;
    expect(await codeOf(setBetting({ clubId: club.id, enabled: "off" }))).toBe("BAD_REQUEST");
    expect(await codeOf(setBetting({ clubId: club.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(setBetting({ clubId: "nope", enabled: false }))).toBe("BAD_REQUEST");
    expect(await codeOf(setBetting({ clubId: crypto.randomUUID(), enabled: false }))).toBe("NOT_FOUND");
    expect(await stateOf(meeting.id)).toEqual(before);
  });

  it("racing a bet being placed: the bet is refunded or refused, and the points add up", async () => {
    for (let round = 0; round < 5; round++) {
      const { club, meeting, owner, members } = await raceMeeting(server, 1);
      const [ana] = members as [Reader];
      const [bet, off] = await Promise.allSettled([
        placeBet(meeting.id, ana, owner, 30),
        owner.client.trpc.clubs.setBetting.mutate({ clubId: club.id, enabled: false }),
      ]);
      expect(off.status).toBe("fulfilled");
      const rows = await betRows(meeting.id);
      expect(rows.filter((row) => row.status === "open")).toEqual([]);
      if (bet.status === "fulfilled") expect(rows).toMatchObject([{ status: "refunded", payout: 30 }]);
      else expect((await rejectionOf(Promise.reject(bet.reason))).data?.code).toBe("CONFLICT");
      expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant);
    }
    await expectLedgerConsistent(server);
  }, 90_000);
});
