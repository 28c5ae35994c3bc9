import { eq, loans, meetings, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { sendMeetingReminders } from "../src/services/meeting-reminders.js";
import { expireTrades } from "../src/services/trades.js";
import { queueLoanReminders } from "../src/services/trades-loans.js";
import { catalogBook } from "./catalog.js";
import { startTestServer } from "./harness.js";
import { clubWithMeeting } from "./race-support.js";
import { befriend, copyOf, type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf } from "./trades-support.js";

/**
 * The notifications trades, loans, shelves and the meeting reminder job
 * create: each in the transaction that causes it, told to the other party,
 * in words that name the terms.
 */
const server = await startTestServer();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const day = (date: Date) => date.toISOString().slice(0, 10);

/** What the member was told, oldest first, as [kind, sentence data]. */
async function toldTo(reader: Reader) {
  const { items } = await reader.client.trpc.notifications.list.query({ limit: 50 });
  return items.reverse().map((item) => ({ kind: item.kind, actor: item.actor?.id ?? null, data: item.data }));
}

async function tradingPair() {
  const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
  await shareClub(ana, ben);
  return { ana, ben, anas: await copiesOf(server, ana, 2, "Ana's"), bens: await copiesOf(server, ben, 2, "Ben's") };
}

describe("trade notifications", () => {
  it("a proposal, a counter, an acceptance and a decline each tell the other side, with the terms", async () => {
    const { ana, ben, anas, bens } = await tradingPair();
    const first = await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: anas.map((copy) => copy.id),
      requestedCopyIds: [bens[0]?.id ?? ""],
    });
    const counter = await ben.client.trpc.trades.counter.mutate({
      tradeId: first.id,
      offeredCopyIds: [bens[0]?.id ?? ""],
      requestedCopyIds: [anas[0]?.id ?? ""],
    });
    await ana.client.trpc.trades.accept.mutate({ tradeId: counter.id });
    const second = await ben.client.trpc.trades.propose.mutate({
      toUserId: ana.user.id,
      offeredCopyIds: [bens[1]?.id ?? ""],
      requestedCopyIds: [anas[1]?.id ?? ""],
    });
    await ana.client.trpc.trades.decline.mutate({ tradeId: second.id });

    expect(await toldTo(ben)).toEqual([
      { kind: "trade_proposed", actor: ana.user.id, data: { tradeId: first.id, offered: 2, requested: 1 } },
      { kind: "trade_accepted", actor: ana.user.id, data: { tradeId: counter.id, offered: 1, requested: 1 } },
      { kind: "trade_declined", actor: ana.user.id, data: { tradeId: second.id, offered: 1, requested: 1 } },
    ]);
    expect(await toldTo(ana)).toEqual([
      { kind: "trade_countered", actor: ben.user.id, data: { tradeId: counter.id, offered: 1, requested: 1 } },
      { kind: "trade_proposed", actor: ben.user.id, data: { tradeId: second.id, offered: 1, requested: 1 } },
    ]);
  });

  it("an expired proposal tells both sides, once however often the sweep runs", async () => {
    const { ana, ben, anas, bens } = await tradingPair();
    const proposal = await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: [anas[0]?.id ?? ""],
      requestedCopyIds: [bens[0]?.id ?? ""],
    });
    const later = inDays(15);
    const [one, two] = await Promise.all([expireTrades(server.db, later), expireTrades(server.db, later)]);
    expect((one ?? 0) + (two ?? 0)).toBeGreaterThanOrEqual(1);
    await expireTrades(server.db, later);
    const expired = (reader: Reader) =>
      toldTo(reader).then((told) => told.filter((item) => item.kind === "trade_expired"));
    expect(await expired(ana)).toEqual([
      { kind: "trade_expired", actor: ben.user.id, data: { tradeId: proposal.id, offered: 1, requested: 1 } },
    ]);
    expect(await expired(ben)).toEqual([
      { kind: "trade_expired", actor: ana.user.id, data: { tradeId: proposal.id, offered: 1, requested: 1 } },
    ]);
  });
});

describe("loan notifications", () => {
  it("the borrower is told a loan comes due, both once overdue, and the lender when it is returned", async () => {
    const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
    await shareClub(ana, ben);
    const copy = await copyOf(server, ana, { title: "Lent Book", availability: "open_to_lend" });
    const loan = await ana.client.trpc.loans.lend.mutate({
      copyId: copy.id,
      borrowerId: ben.user.id,
      dueOn: day(inDays(2)),
    });
    const loanId = loan?.id ?? "";
    for (const reader of [ana, ben]) await reader.client.trpc.loans.confirm.mutate({ loanId, what: "handover" });
    await Promise.all([queueLoanReminders(server.db), queueLoanReminders(server.db)]);
    await server.db.update(loans).set({ dueOn: sql`current_date - 1` }).where(eq(loans.id, loanId));
    await queueLoanReminders(server.db);
    await queueLoanReminders(server.db);
    await ben.client.trpc.loans.confirm.mutate({ loanId, what: "return" });
    await ana.client.trpc.loans.confirm.mutate({ loanId, what: "return" });

    const facts = { loanId, bookId: copy.bookId, bookTitle: "Lent Book" };
    const borrower = await toldTo(ben);
    expect(borrower.map((item) => [item.kind, item.data.when])).toEqual([
      ["loan_due", "before_due"],
      ["loan_due", "overdue"],
      ["loan_returned", undefined],
    ]);
    expect(borrower[0]?.data).toMatchObject({ ...facts, dueOn: day(inDays(2)) });
    const lender = await toldTo(ana);
    expect(lender.map((item) => [item.kind, item.data.when, item.actor])).toEqual([
      ["loan_due", "overdue", ben.user.id],
    ]);
  });
});

describe("a friend finished a book", () => {
  it("tells the member's friends, not others, and nobody when their statuses are private", async () => {
    const [ana, friend, stranger] = (await readers(server, 3)) as [Reader, Reader, Reader];
    await befriend(server, ana, friend);
    const book = await catalogBook(server, { title: "Finished Book" });
    await ana.client.trpc.shelves.setStatus.mutate({ bookId: book.id, status: "reading" });
    await ana.client.trpc.shelves.setStatus.mutate({ bookId: book.id, status: "read" });
    expect(await toldTo(friend)).toEqual([
      { kind: "friend_finished", actor: ana.user.id, data: { bookId: book.id, bookTitle: "Finished Book" } },
    ]);
    expect(await toldTo(stranger)).toEqual([]);

    await ana.client.trpc.shelves.setStatusVisibility.mutate({ visibility: "private" });
    const secret = await catalogBook(server, { title: "Secret Book" });
    await ana.client.trpc.shelves.setStatus.mutate({ bookId: secret.id, status: "read" });
    expect(await toldTo(friend)).toHaveLength(1);
  });
});

describe("the meeting reminder", () => {
  it("reaches every member of the club a day before, exactly once when two sweeps race", async () => {
    const [host, one, two] = (await readers(server, 3)) as [Reader, Reader, Reader];
    const { meeting } = await clubWithMeeting(server, host, [one, two], {
      club: { name: "Reminded Club", category: "fiction" },
      book: { title: "Tomorrow's Book" },
      startsAt: inDays(3),
      link: "https://meet.example.com/reminded",
    });
    expect(await sendMeetingReminders(server.db)).toBe(0);
    await server.db
      .update(meetings)
      .set({ startsAt: new Date(Date.now() + 20 * 3_600_000) })
      .where(eq(meetings.id, meeting.id));
    const raced = await Promise.all([sendMeetingReminders(server.db), sendMeetingReminders(server.db)]);
    expect(raced.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await sendMeetingReminders(server.db)).toBe(0);
    for (const member of [one, two]) {
      const reminders = (await toldTo(member)).filter((item) => item.kind === "meeting_reminder");
      expect(reminders).toHaveLength(1);
    }
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.remindedAt).not.toBeNull();
  });
});
