import { and, bookProposals, eq, inArray, notifications, pollBallots, polls, sql } from "@booky/db";
import { notificationSentence } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { rejectionOf, startTestServer } from "./harness.js";
import { eventually } from "./live-support.js";
import { inMinutes, proposingClub, rankedPoll } from "./polls-support.js";

const server = await startTestServer({ jobs: true });
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) => {
  const data = (await rejectionOf(call)).data as { zodError?: { fieldErrors?: object }; field?: string } | undefined;
  return [...Object.keys(data?.zodError?.fieldErrors ?? {}), ...(data?.field ? [data.field] : [])];
};
const ballotsOf = async (pollId: string) => server.db.select().from(pollBallots).where(eq(pollBallots.pollId, pollId));

describe("proposals", () => {
  it("members propose catalog books with a pitch, listed newest first with the pitch rendered", async () => {
    const club = await proposingClub(server);
    const page = await club.outsider.client.trpc.polls.proposals.query({ clubId: club.clubId, limit: 2 });
    expect(page.items.map((item) => item.book.title)).toEqual(["Beloved", "Emma"]);
    expect(page.items[0]?.pitchHtml).toBe("<p>Read <strong>Beloved</strong> next.</p>\n");
    const rest = await club.a.client.trpc.polls.proposals.query({ clubId: club.clubId, cursor: page.nextCursor });
    expect(rest.items.map((item) => item.book.title)).toEqual(["Dune"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses a book proposed twice, an unknown book and a short pitch, changing nothing", async () => {
    const club = await proposingClub(server);
    const [dune] = await server.db
      .select()
      .from(bookProposals)
      .where(eq(bookProposals.id, club.proposals[0]?.id ?? ""));
    const again = club.b.client.trpc.polls.propose.mutate({
      clubId: club.clubId,
      bookId: dune?.bookId ?? "",
      pitch: "Dune again, please",
    });
    expect(await codeOf(again)).toBe("CONFLICT");
    const unknown = club.b.client.trpc.polls.propose.mutate({
      clubId: club.clubId,
      bookId: crypto.randomUUID(),
      pitch: "A book nobody has",
    });
    expect(await fieldsOf(unknown)).toEqual(["bookId"]);
    const short = club.b.client.trpc.polls.propose.mutate({
      clubId: club.clubId,
      bookId: dune?.bookId ?? "",
      pitch: "x",
    });
    expect(await fieldsOf(short)).toEqual(["pitch"]);
    const all = await server.db.select().from(bookProposals).where(eq(bookProposals.clubId, club.clubId));
    expect(all).toHaveLength(3);
  });
});

describe("polls", () => {
  it("counts ranked ballots by instant runoff, ballots change until the close, and the close names the winner", async () => {
    const club = await proposingClub(server);
    const { pollId, options } = await rankedPoll(club);
    const [dune, emma, beloved] = options;
    await club.host.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [dune, emma] });
    await club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [dune] });
    await club.b.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [emma, beloved] });
    await club.c.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [beloved, emma] });
    // c changes their mind: one ballot each still.
    await club.c.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [beloved, emma, dune] });
    const open = await club.c.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    expect(open.ballots).toBe(4);
    expect(open.myBallot?.choices).toEqual([beloved, emma, dune]);
    // Round 1: Dune 2, Emma 1, Beloved 1 -> tie, Beloved listed last goes to Emma; round 2: Dune 2, Emma 2 -> tie
    // broken backwards (Emma had fewer in round 1): Emma goes, her ballots move to Dune.
    expect(open.results?.rounds.map((round) => round.eliminated)).toEqual([beloved, emma, null]);
    expect(open.results?.winner).toBe(dune);
    expect(open.winner).toBeNull();

    const closed = await club.host.client.trpc.polls.close.mutate({ clubId: club.clubId, pollId });
    expect(closed).toEqual({ status: "closed", winnerOptionId: dune });
    const after = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    expect(after.winner?.book.title).toBe("Dune");
    expect(await codeOf(club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [emma] }))).toBe(
      "CONFLICT",
    );
    expect(await codeOf(club.host.client.trpc.polls.close.mutate({ clubId: club.clubId, pollId }))).toBe("CONFLICT");
    expect((await ballotsOf(pollId)).find((ballot) => ballot.userId === club.a.user.id)?.choices).toEqual([dune]);
  });

  it("approval polls count approvals; hidden results show only after the close", async () => {
    const club = await proposingClub(server);
    const { id: pollId } = await club.host.client.trpc.polls.open.mutate({
      clubId: club.clubId,
      kind: "approval",
      proposalIds: club.proposals.map((proposal) => proposal.id),
      closesAt: inMinutes(30),
      hideResults: true,
    });
    const { options } = await club.host.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    const [dune, emma] = options.map((option) => option.id) as [string, string];
    await club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [dune, emma] });
    await club.b.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [emma] });
    const hidden = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    expect(hidden.results).toBeNull();
    expect(hidden.ballots).toBe(2);
    await club.host.client.trpc.polls.close.mutate({ clubId: club.clubId, pollId });
    const shown = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    expect(shown.results?.rounds[0]?.counts.slice(0, 2)).toEqual([
      { optionId: dune, votes: 1 },
      { optionId: emma, votes: 2 },
    ]);
    expect(shown.winner?.book.title).toBe("Emma");
  });

  it("the job closes a poll at its closing time, once", async () => {
    const club = await proposingClub(server);
    const { pollId, options } = await rankedPoll(club);
    await club.b.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [options[1]] });
    // Its time comes: the closing time passes and the job (keyed per poll) is due now.
    await server.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    expect(
      await codeOf(club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [options[0]] })),
    ).toBe("CONFLICT");
    await server.db.execute(
      sql`select graphile_worker.add_job('close-poll', json_build_object('pollId', ${pollId}::text), job_key => ${`close-poll:${pollId}`})`,
    );
    const closed = await eventually(async () => {
      const poll = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
      return poll.closedAt ? poll : null;
    }, "the poll's close");
    expect(closed?.winner?.id).toBe(options[1]);

    // The members were told of the poll's opening (not the admin who opened it) and of its close, with the winner.
    const told = await server.db
      .select({ userId: notifications.userId, kind: notifications.kind, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.clubId, club.clubId), inArray(notifications.kind, ["poll_opened", "poll_closed"])));
    const members = [club.a, club.b, club.c].map((member) => member.user.id).sort();
    const of = (kind: string) =>
      told
        .filter((row) => row.kind === kind)
        .map((row) => row.userId)
        .sort();
    expect(of("poll_opened")).toEqual(members);
    expect(of("poll_closed")).toEqual([...members, club.host.user.id].sort());
    expect(told.find((row) => row.kind === "poll_closed")?.data).toMatchObject({ pollId, winner: "Emma" });
    const [item] = (await club.a.client.trpc.notifications.list.query({})).items.filter(
      (n) => n.kind === "poll_closed",
    );
    expect(item && notificationSentence(item)).toBe("Choosing Club's poll has closed: “Emma” won");
  });

  it("refuses bad polls and ballots with a typed error, changing nothing", async () => {
    const club = await proposingClub(server);
    const ids = club.proposals.map((proposal) => proposal.id);
    const open = (changes: object) =>
      club.host.client.trpc.polls.open.mutate({
        clubId: club.clubId,
        kind: "ranked",
        proposalIds: ids,
        closesAt: inMinutes(60),
        ...changes,
      });
    expect(await fieldsOf(open({ closesAt: new Date(Date.now() - 60_000) }))).toEqual(["closesAt"]);
    expect(await fieldsOf(open({ proposalIds: [ids[0]] }))).toEqual(["proposalIds"]);
    expect(await fieldsOf(open({ proposalIds: [ids[0], ids[0]] }))).toEqual(["proposalIds"]);
    expect(await fieldsOf(open({ proposalIds: [ids[0], crypto.randomUUID()] }))).toEqual(["proposalIds"]);
    expect(await fieldsOf(open({ kind: "borda" }))).toEqual(["kind"]);
    expect(await server.db.select().from(polls).where(eq(polls.clubId, club.clubId))).toHaveLength(0);

    const { pollId, options } = await rankedPoll(club);
    const vote = (choices: string[]) => club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices });
    expect(await fieldsOf(vote([]))).toEqual(["choices"]);
    expect(await fieldsOf(vote([options[0], options[0]]))).toEqual(["choices"]);
    expect(await fieldsOf(vote([crypto.randomUUID()]))).toEqual(["choices"]);
    expect(
      await codeOf(
        club.a.client.trpc.polls.vote.mutate({
          clubId: club.clubId,
          pollId: crypto.randomUUID(),
          choices: [options[0]],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await ballotsOf(pollId)).toHaveLength(0);
  });
});

describe("races", () => {
  it("two ballots at once from one member count once (the last one written)", async () => {
    const club = await proposingClub(server);
    const { pollId, options } = await rankedPoll(club);
    const vote = (choices: string[]) => club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices });
    await Promise.all([vote([options[0]]), vote([options[1]]), vote([options[2]])]);
    const ballots = await ballotsOf(pollId);
    expect(ballots).toHaveLength(1);
    const poll = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
    expect(poll.results?.ballots).toBe(1);
    expect(poll.myBallot?.choices).toEqual(ballots[0]?.choices);
  });

  it("a ballot racing the close is either counted by it or refused, never lost", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const club = await proposingClub(server);
      const { pollId, options } = await rankedPoll(club);
      await club.b.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [options[1]] });
      const [vote, close] = await Promise.allSettled([
        club.a.client.trpc.polls.vote.mutate({ clubId: club.clubId, pollId, choices: [options[0]] }),
        club.host.client.trpc.polls.close.mutate({ clubId: club.clubId, pollId }),
      ]);
      expect(close.status).toBe("fulfilled");
      const poll = await club.a.client.trpc.polls.get.query({ clubId: club.clubId, pollId });
      const stored = await ballotsOf(pollId);
      if (vote.status === "fulfilled") {
        expect(stored).toHaveLength(2);
        expect(poll.results?.ballots).toBe(2);
      } else {
        expect(await codeOf(Promise.reject(vote.reason))).toBe("CONFLICT");
        expect(stored).toHaveLength(1);
        expect(poll.winner?.id).toBe(options[1]);
      }
    }
  });
});
