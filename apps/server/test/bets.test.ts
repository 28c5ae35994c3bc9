import { and, bets, eq, pointLedger, sql, users } from "@booky/db";
import { POINTS } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { rejectionOf, startTestServer } from "./harness.js";
import { balanceOf, codeOf, expectLedgerConsistent, raceMeeting } from "./race-support.js";

const server = await startTestServer();

describe("points", () => {
  it("gives every new account the starting grant, as one ledger entry", async () => {
    const { owner } = await raceMeeting(server, 0);
    expect(await owner.client.trpc.points.balance.query()).toEqual({
      balance: POINTS.startingGrant,
      score: { allTime: 0, thisMonth: 0 },
    });
    const ledger = await owner.client.trpc.points.ledger.query({});
    expect(ledger.items).toMatchObject([{ kind: "grant", amount: POINTS.startingGrant }]);
    expect(ledger.nextCursor).toBeNull();
  });

  it("refuses to change a balance or the ledger behind the ledger's back", async () => {
    const { owner } = await raceMeeting(server, 0);
    const refusal = (statement: ReturnType<typeof sql>) =>
      server.db.execute(statement).then(
        () => "accepted",
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await refusal(sql`update point_balances set balance = 999999 where user_id = ${owner.user.id}`)).toMatch(
      /only through point_ledger/,
    );
    expect(await refusal(sql`insert into point_balances (user_id, balance) values (${owner.user.id}, 5)`)).toMatch(
      /only through point_ledger/,
    );
    expect(await refusal(sql`update point_ledger set amount = 5 where user_id = ${owner.user.id}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from point_ledger where user_id = ${owner.user.id}`)).toMatch(/append-only/);
    expect(await balanceOf(server, owner.user.id)).toBe(POINTS.startingGrant);
  });

  it("pages through the ledger newest first", async () => {
    const { meeting, members } = await raceMeeting(server, 1);
    const [reader] = members;
    if (!reader) throw new Error("no reader");
    for (let stake = 1; stake <= 3; stake++) {
      const bet = await reader.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: reader.user.id, stake });
      await reader.client.trpc.bets.cancel.mutate({ betId: bet.id });
    }
    const first = await reader.client.trpc.points.ledger.query({ limit: 4 });
    expect(first.items.map((entry) => [entry.kind, entry.amount])).toEqual([
      ["refund", 3],
      ["stake", -3],
      ["refund", 2],
      ["stake", -2],
    ]);
    expect(first.items[1]?.horse).toMatchObject({ id: reader.user.id, username: reader.details.username });
    const second = await reader.client.trpc.points.ledger.query({ limit: 4, cursor: first.nextCursor });
    expect(second.items.map((entry) => entry.kind)).toEqual(["refund", "stake", "grant"]);
    expect(second.items[2]).toMatchObject({ meeting: null, horse: null });
    expect(second.nextCursor).toBeNull();
    expect(await codeOf(reader.client.trpc.points.ledger.query({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
  });
});

describe("bets.place", () => {
  it("takes the stake at once and shows the pool, per-horse totals and odds", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members;
    if (!ana || !ben) throw new Error("no readers");
    const bet = await ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ben.user.id, stake: 300 });
    await ben.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ben.user.id, stake: 100 });
    await owner.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: owner.user.id, stake: 200 });
    expect(bet).toMatchObject({ status: "open", stake: 300, horseId: ben.user.id });
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - 300);

    const pool = await ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    expect(pool.pool).toBe(600);
    expect(pool.open).toBe(true);
    expect(pool.myBet).toMatchObject({ id: bet.id, stake: 300, horse: { id: ben.user.id } });
    expect(pool.winners).toEqual([]);
    // Most backed first.
    expect(pool.horses.map((row) => [row.horse.id, row.stake, row.backers, row.odds])).toEqual([
      [ben.user.id, 400, 2, 1.5],
      [owner.user.id, 200, 1, 3],
      [ana.user.id, 0, 0, null],
    ]);
    expect(pool.nextCursor).toBeNull();
    await expectLedgerConsistent(server);
  });

  it("pages the horses, most backed first, and keeps each one's backing as bets come and go", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 4);
    const [ana, ben, cal, dee] = members;
    if (!ana || !ben || !cal || !dee) throw new Error("no readers");
    await ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: cal.user.id, stake: 30 });
    const cancelled = await ben.client.trpc.bets.place.mutate({
      meetingId: meeting.id,
      horseId: dee.user.id,
      stake: 90,
    });
    await ben.client.trpc.bets.cancel.mutate({ betId: cancelled.id });
    await ben.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: cal.user.id, stake: 20 });
    await owner.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: dee.user.id, stake: 10 });

    const seen: [string, number, number][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof ana.client.trpc.bets.forMeeting.query>> =
        await ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id, limit: 2, cursor });
      expect(page.horses.length).toBeLessThanOrEqual(2);
      expect(page.pool).toBe(60);
      seen.push(...page.horses.map((row) => [row.horse.id, row.stake, row.backers] as [string, number, number]));
      cursor = page.nextCursor;
    } while (cursor);
    // Five racers (the owner and four readers): each once, the cancelled bet not counted.
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map(([id]) => id)).size).toBe(5);
    expect(seen.slice(0, 2)).toEqual([
      [cal.user.id, 50, 2],
      [dee.user.id, 10, 1],
    ]);
    expect(seen.slice(2).every(([, stake, backers]) => stake === 0 && backers === 0)).toBe(true);
    // The kept figures agree with the bets themselves.
    const kept = await server.db.execute<{ user_id: string; backing: number; backers: number; counted: number }>(sql`
      select r.user_id, r.backing, r.backers,
        (select coalesce(sum(stake), 0)::int from bets b where b.meeting_id = r.meeting_id and b.horse_id = r.user_id
          and b.status in ('open', 'won', 'lost')) as counted
      from meeting_rsvps r where r.meeting_id = ${meeting.id}`);
    for (const row of kept) expect(row.backing, row.user_id).toBe(row.counted);
    const bad = await rejectionOf(
      ana.client.trpc.bets.forMeeting.query({ meetingId: meeting.id, cursor: "not-a-cursor" }),
    );
    expect(bad.data?.code).toBe("BAD_REQUEST");
  });

  it("finds horses by name or username, most backed first and a page at a time; the totals stay the pool's", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 3);
    const [ana, ben, cal] = members;
    if (!ana || !ben || !cal) throw new Error("no readers");
    const named = [
      [ana, "Odette de Crécy"],
      [ben, "Odile 50% Swann"],
      [cal, "Gilberte"],
    ] as const;
    for (const [reader, displayName] of named) {
      await server.db.update(users).set({ displayName }).where(eq(users.id, reader.user.id));
    }
    await cal.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ben.user.id, stake: 40 });
    await owner.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: owner.user.id, stake: 15 });
    const search = (text: string, page: { limit?: number; cursor?: string | null } = {}) =>
      cal.client.trpc.bets.forMeeting.query({ meetingId: meeting.id, search: text, ...page });
    const ids = (pool: Awaited<ReturnType<typeof search>>) => pool.horses.map((row) => row.horse.id);

    // Any case, anywhere in the name, trimmed; the pool's total and the caller's bet are the whole pool's.
    const found = await search("  OD ");
    expect(ids(found)).toEqual([ben.user.id, ana.user.id]);
    expect(found).toMatchObject({ pool: 55, myBet: { horse: { id: ben.user.id }, stake: 40 }, nextCursor: null });
    expect(found.horses[0]).toMatchObject({ stake: 40, backers: 1, odds: 1.38 });
    const first = await search("od", { limit: 1 });
    expect(ids(first)).toEqual([ben.user.id]);
    const second = await search("od", { limit: 1, cursor: first.nextCursor });
    expect(ids(second)).toEqual([ana.user.id]);
    expect(second.nextCursor).toBeNull();
    // By username too; LIKE's wildcards are taken literally.
    expect(ids(await search(ana.details.username))).toEqual([ana.user.id]);
    expect(ids(await search("%"))).toEqual([ben.user.id]);
    expect(ids(await search("nobody by that name"))).toEqual([]);
    // An attendee reading without racing is not a horse, whatever their name.
    await ana.client.trpc.progress.setRacing.mutate({ meetingId: meeting.id, racing: false });
    expect(ids(await search("od"))).toEqual([ben.user.id]);
    // Blank is no search: the whole pool's first page.
    expect((await search("   ")).horses).toHaveLength(3);

    expect(await codeOf(search("x".repeat(101)))).toBe("BAD_REQUEST");
    expect(await codeOf(search("od\u0000"))).toBe("BAD_REQUEST");
  });

  it("loses no backing when many back the same horse at once, and one cancels meanwhile", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 6);
    const [horse, canceller, ...bettors] = members;
    if (!horse || !canceller) throw new Error("no readers");
    const first = await canceller.client.trpc.bets.place.mutate({
      meetingId: meeting.id,
      horseId: horse.user.id,
      stake: 40,
    });
    await Promise.all([
      ...[owner, ...bettors].map((bettor, index) =>
        bettor.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: horse.user.id, stake: 10 + index }),
      ),
      canceller.client.trpc.bets.cancel.mutate({ betId: first.id }),
    ]);
    const pool = await horse.client.trpc.bets.forMeeting.query({ meetingId: meeting.id });
    // The owner and four readers: 10 + 11 + 12 + 13 + 14; the cancelled 40 not counted.
    expect(pool.horses[0]).toMatchObject({ horse: { id: horse.user.id }, stake: 60, backers: 5 });
    expect(pool.pool).toBe(60);
  });

  it("allows one live bet per meeting; cancelling before the start returns the stake and frees the slot", async () => {
    const { meeting, members } = await raceMeeting(server, 1);
    const [ana] = members;
    if (!ana) throw new Error("no reader");
    const first = await ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ana.user.id, stake: 50 });
    const again = await rejectionOf(
      ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ana.user.id, stake: 60 }),
    );
    expect(again.data?.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already have a bet/);
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - 50);

    const cancelled = await ana.client.trpc.bets.cancel.mutate({ betId: first.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant);
    expect(await codeOf(ana.client.trpc.bets.cancel.mutate({ betId: first.id }))).toBe("CONFLICT");
    await ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ana.user.id, stake: 70 });
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - 70);
    await expectLedgerConsistent(server);
  });

  it("refuses bad bets with a typed error and changes nothing", async () => {
    const { meeting, owner, members, outsider } = await raceMeeting(server, 2);
    const [ana, ben] = members;
    if (!ana || !ben) throw new Error("no readers");
    await ben.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "interested" });
    const betsBefore = await server.db.$count(bets);
    const ledgerBefore = await server.db.$count(pointLedger);
    const place = (who: typeof ana, horseId: string, stake: number, meetingId = meeting.id) =>
      rejectionOf(who.client.trpc.bets.place.mutate({ meetingId, horseId, stake }));

    const zero = await place(ana, ana.user.id, 0);
    expect(zero.data?.zodError?.fieldErrors).toHaveProperty("stake");
    const fraction = await place(ana, ana.user.id, 1.5);
    expect(fraction.data?.zodError?.fieldErrors).toHaveProperty("stake");
    const tooMuch = await place(ana, ana.user.id, POINTS.startingGrant + 1);
    expect(tooMuch.data?.code).toBe("BAD_REQUEST");
    expect(tooMuch.data?.zodError?.fieldErrors).toHaveProperty("stake");
    const notAttending = await place(ana, ben.user.id, 10);
    expect(notAttending.data?.zodError?.fieldErrors).toHaveProperty("horseId");
    expect((await place(ben, ana.user.id, 10)).data?.code).toBe("FORBIDDEN");
    expect((await place(outsider, ana.user.id, 10)).data?.code).toBe("FORBIDDEN");
    expect((await place(ana, ana.user.id, 10, "00000000-0000-4000-8000-000000000000")).data?.code).toBe("NOT_FOUND");
    const anonymous = server.client();
    expect(
      await codeOf(anonymous.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ana.user.id, stake: 1 })),
    ).toBe("UNAUTHORIZED");

    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    const started = await place(ana, ana.user.id, 10);
    expect(started.data?.code).toBe("CONFLICT");

    expect(await server.db.$count(bets)).toBe(betsBefore);
    expect(await server.db.$count(pointLedger)).toBe(ledgerBefore);
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant);
  });

  it("lets only the bettor cancel, and only before the meeting starts", async () => {
    const { meeting, owner, members } = await raceMeeting(server, 2);
    const [ana, ben] = members;
    if (!ana || !ben) throw new Error("no readers");
    const bet = await ana.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ben.user.id, stake: 40 });
    expect(await codeOf(ben.client.trpc.bets.cancel.mutate({ betId: bet.id }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.client.trpc.bets.cancel.mutate({ betId: bet.id }))).toBe("NOT_FOUND");
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    expect(await codeOf(ana.client.trpc.bets.cancel.mutate({ betId: bet.id }))).toBe("CONFLICT");
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - 40);
  });

  it("lists my bets newest first with their meeting, club and horse", async () => {
    const first = await raceMeeting(server, 1);
    const second = await raceMeeting(server, 0);
    const [ana] = first.members;
    if (!ana) throw new Error("no reader");
    await ana.client.trpc.clubs.join.mutate({ clubId: second.club.id });
    await ana.client.trpc.meetings.rsvp.mutate({ meetingId: second.meeting.id, status: "going" });
    await ana.client.trpc.bets.place.mutate({ meetingId: first.meeting.id, horseId: ana.user.id, stake: 5 });
    await ana.client.trpc.bets.place.mutate({
      meetingId: second.meeting.id,
      horseId: second.owner.user.id,
      stake: 6,
    });
    const page = await ana.client.trpc.bets.mine.query({ limit: 1 });
    expect(page.items).toMatchObject([{ bet: { stake: 6 }, horse: { id: second.owner.user.id } }]);
    const next = await ana.client.trpc.bets.mine.query({ limit: 1, cursor: page.nextCursor });
    expect(next.items).toMatchObject([{ bet: { stake: 5 }, club: { id: first.club.id } }]);
  });
});

describe("concurrency", () => {
  it("never overspends when one user fires many bets at once", async () => {
    const meetings = [];
    const { members } = await raceMeeting(server, 1);
    const [spender] = members;
    if (!spender) throw new Error("no reader");
    for (let index = 0; index < 12; index++) {
      const race = await raceMeeting(server, 0);
      await spender.client.trpc.clubs.join.mutate({ clubId: race.club.id });
      await spender.client.trpc.meetings.rsvp.mutate({ meetingId: race.meeting.id, status: "going" });
      meetings.push(race.meeting);
    }
    // 12 stakes of 100 against a balance of 1000: exactly 10 can succeed.
    const unbatched = server.client({ unbatched: true });
    unbatched.accessToken = spender.client.accessToken;
    const outcomes = await Promise.allSettled(
      meetings.map((meeting) =>
        unbatched.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: spender.user.id, stake: 100 }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(10);
    const failures = outcomes.filter((outcome) => outcome.status === "rejected");
    for (const failure of failures) {
      expect((failure.reason as { data?: { code?: string } }).data?.code).toBe("BAD_REQUEST");
    }
    expect(await balanceOf(server, spender.user.id)).toBe(0);
    await expectLedgerConsistent(server);
  });

  it("two placements on the same meeting at once: one wins, the other gets CONFLICT", async () => {
    const { meeting, members } = await raceMeeting(server, 1);
    const [ana] = members;
    if (!ana) throw new Error("no reader");
    const unbatched = server.client({ unbatched: true });
    unbatched.accessToken = ana.client.accessToken;
    const outcomes = await Promise.allSettled(
      [10, 20, 30, 40].map((stake) =>
        unbatched.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: ana.user.id, stake }),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === "rejected")) {
      expect((outcome.reason as { data?: { code?: string } }).data?.code).toBe("CONFLICT");
    }
    const live = await server.db
      .select()
      .from(bets)
      .where(and(eq(bets.meetingId, meeting.id), eq(bets.userId, ana.user.id)));
    expect(live).toHaveLength(1);
    expect(await balanceOf(server, ana.user.id)).toBe(POINTS.startingGrant - (live[0]?.stake ?? 0));
    await expectLedgerConsistent(server);
  });
});
