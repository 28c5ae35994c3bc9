import { eq, meetingSettlements, pointBalances, pointLedger, sql } from "@booky/db";
import type { CLUB_CATEGORIES } from "@booky/domain";
import { expect, vi } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, type TestServer } from "./harness.js";

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
export const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

export type Reader = Awaited<ReturnType<typeof signedUpClient>>;

/** `who` stakes `stake` points on `horse` finishing first. */
export const placeBet = (meetingId: string, who: Reader, horse: Reader, stake: number) =>
  who.client.trpc.bets.place.mutate({ meetingId, horseId: horse.user.id, stake });

/**
 * A club `host` creates (`joiners` join it) and a meeting of a new catalog
 * book in it, through the API.
 */
export async function clubWithMeeting(
  server: TestServer,
  host: Reader,
  joiners: Reader[],
  details: {
    club: { name: string; category: (typeof CLUB_CATEGORIES)[number] };
    book: Parameters<typeof catalogBook>[1];
    startsAt: Date;
    link: string;
  },
) {
  const club = await host.client.trpc.clubs.create.mutate({ ...details.club, isOnline: true });
  for (const joiner of joiners) await joiner.client.trpc.clubs.join.mutate({ clubId: club.id });
  const meeting = await host.client.trpc.meetings.create.mutate({
    clubId: club.id,
    bookId: (await catalogBook(server, details.book)).id,
    startsAt: details.startsAt,
    link: details.link,
  });
  if (!meeting) throw new Error("no meeting");
  return { club, meeting };
}

/**
 * A club (owner + `readers` members) and a scheduled meeting of a 100-page
 * book that every one of them is going to; `outsider` belongs to no club.
 */
export async function raceMeeting(server: TestServer, readers = 3) {
  const owner = await signedUpClient(server);
  const members: Reader[] = [];
  for (let index = 0; index < readers; index++) members.push(await signedUpClient(server));
  const outsider = await signedUpClient(server);
  const { club, meeting } = await clubWithMeeting(server, owner, members, {
    club: { name: "Race Club", category: "fiction" },
    book: { title: "A Short Race", pageCount: 100 },
    startsAt: inDays(7),
    link: "https://meet.example.com/race",
  });
  for (const reader of [owner, ...members]) {
    await reader.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" });
  }
  return { club, meeting, owner, members, outsider };
}

export async function finish(reader: Reader, meetingId: string) {
  const mine = await reader.client.trpc.progress.get.query({ meetingId });
  return reader.client.trpc.progress.update.mutate({
    meetingId,
    finished: true,
    expectedVersion: mine?.version ?? 0,
  });
}

export async function balanceOf(server: TestServer, userId: string): Promise<number> {
  const [row] = await server.db.select().from(pointBalances).where(eq(pointBalances.userId, userId));
  return row?.balance ?? 0;
}

/** Every balance equals the sum of its ledger, and none is negative. */
export async function expectLedgerConsistent(server: TestServer) {
  const mismatched = await server.db.execute(sql`
    select b.user_id, b.balance, coalesce(sum(l.amount), 0)::int as total
    from ${pointBalances} b left join ${pointLedger} l on l.user_id = b.user_id
    group by b.user_id, b.balance having b.balance <> coalesce(sum(l.amount), 0) or b.balance < 0`);
  expect(mismatched).toEqual([]);
}

/** Waits for the queue to settle the meeting (the job runs in the server's worker). */
export async function settled(server: TestServer, meetingId: string) {
  return vi.waitFor(
    async () => {
      const [row] = await server.db
        .select()
        .from(meetingSettlements)
        .where(eq(meetingSettlements.meetingId, meetingId));
      if (!row) throw new Error("not settled yet");
      return row;
    },
    { timeout: 15_000, interval: 100 },
  );
}

/**
 * A race with bets: ana on herself (100), ben on himself (200) and, with a
 * third reader, cal on ana (100); ana has finished the book. Still scheduled:
 * `closeRace` starts and closes it, which queues its settlement.
 */
export async function bettingRace(server: TestServer, readers = 3) {
  const race = await raceMeeting(server, readers);
  const [ana, ben, cal] = race.members as [Reader, Reader, Reader | undefined];
  await placeBet(race.meeting.id, ana, ana, 100);
  await placeBet(race.meeting.id, ben, ben, 200);
  if (cal) await placeBet(race.meeting.id, cal, ana, 100);
  await finish(ana, race.meeting.id);
  return { ...race, ana, ben, cal };
}

export async function closeRace(race: { owner: Reader; meeting: { id: string } }) {
  await race.owner.client.trpc.meetings.start.mutate({ meetingId: race.meeting.id });
  await race.owner.client.trpc.meetings.close.mutate({ meetingId: race.meeting.id });
}
