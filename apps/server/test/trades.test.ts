import { copies, count, eq, inArray, sql, tradeProposals } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it, vi } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { befriend, copyOf, type Reader, readers, shareClub } from "./shelves-support.js";
import { copiesOf, fulfilled } from "./trades-support.js";

const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { SMTP_URL: inbox.url } });
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) =>
  Object.keys((await rejectionOf(call)).data?.zodError?.fieldErrors ?? {});

/** Two club-mates, each with copies open to trade. */
async function tradingPair(mine = 2, theirs = 1) {
  const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
  await shareClub(ana, ben);
  return {
    ana,
    ben,
    anas: await copiesOf(server, ana, mine, "Ana's"),
    bens: await copiesOf(server, ben, theirs, "Ben's"),
  };
}

const ownersOf = async (ids: string[]) =>
  (await server.db.select({ id: copies.id, ownerId: copies.ownerId }).from(copies).where(inArray(copies.id, ids)))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((copy) => copy.ownerId);

const proposalCount = async () => (await server.db.select({ n: count() }).from(tradeProposals))[0]?.n;

describe("a trade from proposal to hand-over", () => {
  it("two books for one: accepted, fulfilled by the job, ownership moved, both mailed once, hand-over marked", async () => {
    const { ana, ben, anas, bens } = await tradingPair(2, 1);
    const proposal = await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: anas.map((copy) => copy.id),
      requestedCopyIds: bens.map((copy) => copy.id),
      message: "Two for one?",
    });
    const incoming = await ben.client.trpc.trades.list.query({ box: "incoming" });
    expect(incoming.items.map((trade) => [trade.id, trade.message, trade.items.length])).toEqual([
      [proposal.id, "Two for one?", 3],
    ]);
    expect(incoming.items[0]?.items.map((item) => item.condition)).toEqual(["very_good", "very_good", "very_good"]);
    expect((await ana.client.trpc.trades.list.query({ box: "outgoing" })).items).toHaveLength(1);

    await ben.client.trpc.trades.accept.mutate({ tradeId: proposal.id });
    const done = await fulfilled(server, proposal.id);
    expect(await ownersOf([...anas, ...bens].map((copy) => copy.id))).toEqual([ben.user.id, ben.user.id, ana.user.id]);
    expect(done.snapshot).toHaveLength(3);

    const anaMail = await inbox.waitForMailTo(ana.details.email);
    const benMail = await inbox.waitForMailTo(ben.details.email);
    expect(anaMail.subject).toBe(`Trade with @${ben.user.username} done`);
    expect(anaMail.text).toMatch(/You give:\n- Ana's 1 \(very good\)\n- Ana's 2/);
    expect(benMail.text).toMatch(/You get:\n- Ana's 1/);

    const trade = await ana.client.trpc.trades.get.query({ tradeId: proposal.id });
    expect([trade.status, trade.handover]).toEqual(["accepted", "awaiting"]);
    await ana.client.trpc.trades.handover.mutate({ tradeId: proposal.id, step: "sent" });
    expect((await ben.client.trpc.trades.get.query({ tradeId: proposal.id })).handover).toBe("in_transit");
    await ben.client.trpc.trades.handover.mutate({ tradeId: proposal.id, step: "received" });
    await ben.client.trpc.trades.handover.mutate({ tradeId: proposal.id, step: "sent" });
    const last = await ana.client.trpc.trades.handover.mutate({ tradeId: proposal.id, step: "received" });
    expect(last.handover).toBe("complete");
    expect((await ben.client.trpc.trades.list.query({ box: "history" })).items.map((row) => row.id)).toEqual([
      proposal.id,
    ]);
    // The mails were sent once each: nothing more arrives.
    expect(inbox.to(ana.details.email)).toHaveLength(1);
    expect(inbox.to(ben.details.email)).toHaveLength(1);
  });

  it("a gift gives one copy for nothing, and must say it is a gift", async () => {
    const { ana, ben, anas } = await tradingPair(1, 0);
    const offered = [anas[0]?.id ?? ""];
    expect(
      await fieldsOf(ana.client.trpc.trades.propose.mutate({ toUserId: ben.user.id, offeredCopyIds: offered })),
    ).toEqual(["requestedCopyIds"]);
    const gift = await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: offered,
      gift: true,
    });
    await ben.client.trpc.trades.accept.mutate({ tradeId: gift.id });
    await fulfilled(server, gift.id);
    expect(await ownersOf(offered)).toEqual([ben.user.id]);
  });

  it("a counter replaces the proposal; the proposer may cancel; decisions are the right side's", async () => {
    const { ana, ben, anas, bens } = await tradingPair(2, 2);
    const first = await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: [anas[0]?.id ?? ""],
      requestedCopyIds: [bens[0]?.id ?? "", bens[1]?.id ?? ""],
    });
    expect(await codeOf(ana.client.trpc.trades.accept.mutate({ tradeId: first.id }))).toBe("NOT_FOUND");
    expect(await codeOf(ben.client.trpc.trades.cancel.mutate({ tradeId: first.id }))).toBe("NOT_FOUND");
    // Ben counters: one of his for both of Ana's, reusing copies of the first proposal.
    const counter = await ben.client.trpc.trades.counter.mutate({
      tradeId: first.id,
      offeredCopyIds: [bens[0]?.id ?? ""],
      requestedCopyIds: anas.map((copy) => copy.id),
      message: "Both of yours for this one",
    });
    expect((await ana.client.trpc.trades.get.query({ tradeId: first.id })).status).toBe("declined");
    const replacement = await ana.client.trpc.trades.get.query({ tradeId: counter.id });
    expect([replacement.counterOfId, replacement.from.id, replacement.items.length]).toEqual([
      first.id,
      ben.user.id,
      3,
    ]);
    const again = await rejectionOf(ben.client.trpc.trades.decline.mutate({ tradeId: first.id }));
    expect([again.data?.code, again.message]).toEqual(["CONFLICT", "This trade is declined already"]);
    await ben.client.trpc.trades.cancel.mutate({ tradeId: counter.id });
    expect((await ana.client.trpc.trades.list.query({ box: "incoming" })).items).toEqual([]);
  });
});

describe("who may propose, and what", () => {
  it("strangers, blocked members, foreign or unavailable copies and bad shapes are refused and change nothing", async () => {
    const { ana, ben, anas, bens } = await tradingPair(1, 1);
    const stranger = await signedUpClient(server);
    const strangers = await copyOf(server, stranger);
    const before = await proposalCount();
    const offer = (overrides: Record<string, unknown>) =>
      ana.client.trpc.trades.propose.mutate({
        toUserId: ben.user.id,
        offeredCopyIds: [anas[0]?.id ?? ""],
        requestedCopyIds: [bens[0]?.id ?? ""],
        ...overrides,
      });
    expect(await codeOf(offer({ toUserId: stranger.user.id, requestedCopyIds: [strangers.id] }))).toBe("FORBIDDEN");
    expect(await fieldsOf(offer({ toUserId: ana.user.id }))).toEqual(["toUserId"]);
    expect(await codeOf(offer({ toUserId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await fieldsOf(offer({ offeredCopyIds: [bens[0]?.id ?? ""] }))).toEqual(["offeredCopyIds"]);
    expect(await fieldsOf(offer({ requestedCopyIds: [strangers.id] }))).toEqual(["requestedCopyIds"]);
    expect(await fieldsOf(offer({ offeredCopyIds: [] }))).toEqual(["offeredCopyIds"]);
    expect(await fieldsOf(offer({ message: "x".repeat(1001) }))).toEqual(["message"]);
    await ben.client.trpc.copies.update.mutate({ copyId: bens[0]?.id ?? "", changes: { availability: "keep" } });
    expect(await fieldsOf(offer({}))).toEqual(["requestedCopyIds"]);
    await ben.client.trpc.copies.update.mutate({
      copyId: bens[0]?.id ?? "",
      changes: { availability: "open_to_trade" },
    });

    await ben.client.trpc.trades.block.mutate({ userId: ana.user.id });
    expect(await codeOf(offer({}))).toBe("FORBIDDEN");
    expect((await ben.client.trpc.trades.blocked.query({})).items.map((row) => row.user.id)).toEqual([ana.user.id]);
    expect(await proposalCount()).toBe(before);
    await ben.client.trpc.trades.unblock.mutate({ userId: ana.user.id });
    await offer({});
    // Friends may trade too, without a shared club.
    await befriend(server, ana, stranger);
    await offer({
      toUserId: stranger.user.id,
      requestedCopyIds: [strangers.id],
      offeredCopyIds: [(await copyOf(server, ana)).id],
    });
  });

  it("a copy in a pending proposal cannot be removed or withdrawn", async () => {
    const { ana, ben, anas, bens } = await tradingPair(1, 1);
    await ana.client.trpc.trades.propose.mutate({
      toUserId: ben.user.id,
      offeredCopyIds: [anas[0]?.id ?? ""],
      requestedCopyIds: [bens[0]?.id ?? ""],
    });
    expect(await codeOf(ben.client.trpc.copies.remove.mutate({ copyId: bens[0]?.id ?? "" }))).toBe("CONFLICT");
    const withdraw = { copyId: bens[0]?.id ?? "", changes: { availability: "keep" as const } };
    expect(await codeOf(ben.client.trpc.copies.update.mutate(withdraw))).toBe("CONFLICT");
  });

  it("proposals are rate limited per member", async () => {
    const limits = await import("../src/services/rate-limits.js");
    const strict = Object.fromEntries(
      Object.keys(limits.defaultRateLimits).map((name) => [name, { points: 1000, duration: 60 }]),
    ) as typeof limits.defaultRateLimits;
    const limited = await startTestServer({
      rateLimits: { ...strict, tradeProposalsPerUser: { points: 1, duration: 60 } },
    });
    const [ana, ben] = [await signedUpClient(limited), await signedUpClient(limited)];
    await shareClub(ana, ben);
    const [a1, a2] = await copiesOf(limited, ana, 2);
    const [b1] = await copiesOf(limited, ben, 1);
    const offer = (copyId: string) =>
      ana.client.trpc.trades.propose.mutate({ toUserId: ben.user.id, offeredCopyIds: [copyId], gift: true });
    await offer(a1?.id ?? "");
    const refused = await rejectionOf(offer(a2?.id ?? ""));
    expect(refused.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.data?.retryAfter).toBeGreaterThan(0);
    expect(b1).toBeDefined();
  });
});

describe("races and the clock", () => {
  it("two proposals racing for one copy: one succeeds, the other is a CONFLICT", async () => {
    const { ana, ben, anas, bens } = await tradingPair(2, 1);
    const cal = (await readers(server, 1))[0] as Reader;
    await shareClub(ben, cal);
    const calsCopy = await copyOf(server, cal);
    const propose = (who: Reader, offered: string) =>
      who.client.trpc.trades.propose.mutate({
        toUserId: ben.user.id,
        offeredCopyIds: [offered],
        requestedCopyIds: [bens[0]?.id ?? ""],
      });
    const results = await Promise.allSettled([propose(ana, anas[0]?.id ?? ""), propose(cal, calsCopy.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((result) => result.status === "rejected");
    expect(lost?.status === "rejected" && [lost.reason.data?.code, lost.reason.message]).toEqual([
      "CONFLICT",
      "One of these copies is already in another pending trade",
    ]);
    expect((await ben.client.trpc.trades.list.query({ box: "incoming" })).items).toHaveLength(1);
  });

  it("accept racing cancel: exactly one decision wins, the other gets a CONFLICT with the current status", async () => {
    for (let round = 0; round < 3; round++) {
      const { ana, ben, anas, bens } = await tradingPair(1, 1);
      const proposal = await ana.client.trpc.trades.propose.mutate({
        toUserId: ben.user.id,
        offeredCopyIds: [anas[0]?.id ?? ""],
        requestedCopyIds: [bens[0]?.id ?? ""],
      });
      const results = await Promise.allSettled([
        ben.client.trpc.trades.accept.mutate({ tradeId: proposal.id }),
        ana.client.trpc.trades.cancel.mutate({ tradeId: proposal.id }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected");
      expect(lost?.status === "rejected" && lost.reason.data?.code).toBe("CONFLICT");
      const [row] = await server.db.select().from(tradeProposals).where(eq(tradeProposals.id, proposal.id));
      if (row?.status === "accepted") {
        await fulfilled(server, proposal.id);
        expect(await ownersOf([anas[0]?.id ?? ""])).toEqual([ben.user.id]);
      } else {
        expect(row?.status).toBe("cancelled");
        expect(await ownersOf([anas[0]?.id ?? ""])).toEqual([ana.user.id]);
      }
    }
  });

  it("pending proposals expire after 14 days (the sweep job) and free their copies", async () => {
    const { ana, ben, anas, bens } = await tradingPair(1, 1);
    const terms = { toUserId: ben.user.id, offeredCopyIds: [anas[0]?.id ?? ""], requestedCopyIds: [bens[0]?.id ?? ""] };
    const old = await ana.client.trpc.trades.propose.mutate(terms);
    await server.db.execute(
      sql`update trade_proposals set created_at = now() - interval '15 days' where id = ${old.id}`,
    );
    await server.db.execute(sql`select graphile_worker.add_job('trades-sweep')`);
    await vi.waitFor(
      async () => {
        const [row] = await server.db.select().from(tradeProposals).where(eq(tradeProposals.id, old.id));
        if (row?.status !== "expired") throw new Error(`still ${row?.status}`);
      },
      { timeout: 10_000, interval: 100 },
    );
    await ana.client.trpc.trades.propose.mutate(terms);
  });
});

describe("matching", () => {
  it("copies open to trade on my want-to-read shelf, friends first; and my copies that people near me want", async () => {
    const [me, friend, mate, stranger] = (await readers(server, 4)) as [Reader, Reader, Reader, Reader];
    await befriend(server, me, friend);
    await shareClub(me, mate);
    const [wanted] = await copiesOf(server, mate, 1, "Wanted");
    const byFriend = await copyOf(server, friend, { bookId: wanted?.bookId ?? "" });
    const byStranger = await copyOf(server, stranger, { bookId: wanted?.bookId ?? "" });
    await copyOf(server, friend, { bookId: wanted?.bookId ?? "", availability: "keep" });
    await me.client.trpc.shelves.setStatus.mutate({ bookId: wanted?.bookId ?? "", status: "want_to_read" });
    const matches = await me.client.trpc.trades.matchesForMe.query({ limit: 1 });
    const second = await me.client.trpc.trades.matchesForMe.query({ cursor: matches.nextCursor, limit: 5 });
    expect([...matches.items, ...second.items].map((row) => [row.id, row.friend])).toEqual([
      [byFriend.id, true],
      [wanted?.id, false],
    ]);
    expect(second.items.some((row) => row.id === byStranger.id)).toBe(false);

    // The friend wants a book I own: it shows among "my copies someone near me wants".
    const mine = await copyOf(server, me, { title: "Mine" });
    await friend.client.trpc.shelves.setStatus.mutate({ bookId: mine.bookId, status: "want_to_read" });
    await stranger.client.trpc.shelves.setStatus.mutate({ bookId: mine.bookId, status: "want_to_read" });
    const wantedMine = await me.client.trpc.trades.myCopiesWanted.query({});
    expect(wantedMine.items.map((row) => [row.member.id, row.copies.map((copy) => copy.id)])).toEqual([
      [friend.user.id, [mine.id]],
    ]);
  });
});
