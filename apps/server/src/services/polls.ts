import {
  and,
  bookProposals,
  books,
  type Database,
  type Executor,
  eq,
  isNull,
  pollBallots,
  pollOptions,
  polls,
  sql,
} from "@booky/db";
import { closingTimeProblem, type listPollsInput, type openPollInput, resultsVisible, tally } from "@booky/domain";
import type { z } from "zod";
import { conflict, fieldError, notFound } from "../errors.js";
import { enqueueJob } from "./jobs.js";
import { notifyClub } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { bookColumns, type ClubCaller, proposalsOfClub, requireActiveClub } from "./polls-proposals.js";

const pollsPager = definePager({ list: "polls.list", order: "desc", key: "timestamp" });

const pollColumns = {
  id: polls.id,
  clubId: polls.clubId,
  kind: polls.kind,
  closesAt: polls.closesAt,
  closedAt: polls.closedAt,
  hideResults: polls.hideResults,
  winnerOptionId: polls.winnerOptionId,
  createdAt: polls.createdAt,
};

/** Opens a poll among the club's proposals; a job closes it at `closesAt`. */
export async function openPoll(
  db: Database,
  caller: ClubCaller,
  input: Omit<z.output<typeof openPollInput>, "clubId">,
  now = new Date(),
) {
  requireActiveClub(caller.club);
  const problem = closingTimeProblem(input.closesAt, now);
  if (problem) throw fieldError("closesAt", problem);
  const proposalIds = await proposalsOfClub(db, caller.club.id, input.proposalIds);
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(polls)
      .values({
        clubId: caller.club.id,
        kind: input.kind,
        createdBy: caller.userId,
        closesAt: input.closesAt,
        hideResults: input.hideResults,
      })
      .returning(pollColumns);
    if (!poll) throw new Error("poll insert returned nothing");
    await tx
      .insert(pollOptions)
      .values(proposalIds.map((proposalId, position) => ({ pollId: poll.id, proposalId, position })));
    await enqueueJob(tx, "close-poll", { pollId: poll.id }, { jobKey: `close-poll:${poll.id}`, runAt: input.closesAt });
    await notifyClub(tx, caller.club.id, {
      kind: "poll_opened",
      actorId: caller.userId,
      data: { pollId: poll.id, closesOn: input.closesAt.toISOString().slice(0, 10) },
    });
    return poll;
  });
}

/** A club's polls, newest first. */
export async function listPolls(db: Executor, clubId: string, input: z.output<typeof listPollsInput>) {
  const rows = await pageRows(
    db.select(pollColumns).from(polls).$dynamic(),
    pollsPager,
    { key: polls.createdAt, id: polls.id },
    input,
    eq(polls.clubId, clubId),
  );
  return pollsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

async function optionsOf(db: Executor, pollId: string) {
  return db
    .select({ id: pollOptions.id, proposalId: pollOptions.proposalId, book: bookColumns })
    .from(pollOptions)
    .innerJoin(bookProposals, eq(bookProposals.id, pollOptions.proposalId))
    .innerJoin(books, eq(books.id, bookProposals.bookId))
    .where(eq(pollOptions.pollId, pollId))
    .orderBy(pollOptions.position);
}

async function tallyOf(db: Executor, poll: { id: string; kind: "ranked" | "approval" }, optionIds: string[]) {
  const ballots = await db
    .select({ choices: pollBallots.choices })
    .from(pollBallots)
    .where(eq(pollBallots.pollId, poll.id));
  return tally(
    poll.kind,
    optionIds,
    ballots.map((ballot) => ballot.choices),
  );
}

/**
 * A poll with its options, the caller's ballot, how many have voted, and the
 * tally with every round when results are visible (always once closed).
 */
export async function getPoll(db: Executor, viewerId: string, clubId: string, pollId: string) {
  const [poll] = await db
    .select(pollColumns)
    .from(polls)
    .where(and(eq(polls.id, pollId), eq(polls.clubId, clubId)));
  if (!poll) throw notFound("No such poll in this club");
  const options = await optionsOf(db, poll.id);
  const [mine] = await db
    .select({ choices: pollBallots.choices, updatedAt: pollBallots.updatedAt })
    .from(pollBallots)
    .where(and(eq(pollBallots.pollId, poll.id), eq(pollBallots.userId, viewerId)));
  const [count] = await db
    .select({ ballots: sql<number>`count(*)::int` })
    .from(pollBallots)
    .where(eq(pollBallots.pollId, poll.id));
  const results = resultsVisible(poll)
    ? await tallyOf(
        db,
        poll,
        options.map((option) => option.id),
      )
    : null;
  const winner = options.find((option) => option.id === (poll.winnerOptionId ?? undefined)) ?? null;
  return { ...poll, options, myBallot: mine ?? null, ballots: count?.ballots ?? 0, results, winner };
}

/**
 * Casts or replaces the caller's ballot. The poll's row is locked FOR SHARE,
 * so a close (which updates the row) waits for this ballot and counts it, or
 * has already happened and this ballot is refused; the (poll, member) key
 * makes two ballots at once one.
 */
export async function castBallot(db: Database, caller: ClubCaller, pollId: string, choices: string[]) {
  requireActiveClub(caller.club);
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .select({
        id: polls.id,
        kind: polls.kind,
        open: sql<boolean>`${polls.closedAt} is null and ${polls.closesAt} > now()`,
      })
      .from(polls)
      .where(and(eq(polls.id, pollId), eq(polls.clubId, caller.club.id)))
      .for("share");
    if (!poll) throw notFound("No such poll in this club");
    if (!poll.open) throw conflict("This poll has closed");
    const options = await tx.select({ id: pollOptions.id }).from(pollOptions).where(eq(pollOptions.pollId, pollId));
    const known = new Set(options.map((option) => option.id));
    if (!choices.every((id) => known.has(id))) throw fieldError("choices", "Choose among this poll's options");
    const [ballot] = await tx
      .insert(pollBallots)
      .values({ pollId, userId: caller.userId, choices })
      .onConflictDoUpdate({
        target: [pollBallots.pollId, pollBallots.userId],
        set: { choices, updatedAt: sql`now()` },
      })
      .returning({ choices: pollBallots.choices, updatedAt: pollBallots.updatedAt });
    return ballot;
  });
}

/**
 * Closes a poll once: stamps `closed_at` (waiting for ballots in flight),
 * tallies the ballots and records the winner. `clubId` narrows an admin's
 * early close to their club; the job passes none. Closing a closed poll is a
 * no-op for the job and a CONFLICT for an admin.
 */
export async function closePoll(db: Database, pollId: string, clubId?: string) {
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .update(polls)
      .set({ closedAt: sql`now()` })
      .where(and(eq(polls.id, pollId), isNull(polls.closedAt), clubId ? eq(polls.clubId, clubId) : undefined))
      .returning({ id: polls.id, kind: polls.kind, clubId: polls.clubId });
    if (!poll) {
      if (clubId === undefined) return { status: "already closed" as const, winnerOptionId: null };
      const [exists] = await tx
        .select({ id: polls.id })
        .from(polls)
        .where(and(eq(polls.id, pollId), eq(polls.clubId, clubId)));
      throw exists ? conflict("This poll has closed") : notFound("No such poll in this club");
    }
    const options = await tx
      .select({ id: pollOptions.id })
      .from(pollOptions)
      .where(eq(pollOptions.pollId, pollId))
      .orderBy(pollOptions.position);
    const result = await tallyOf(
      tx,
      poll,
      options.map((option) => option.id),
    );
    await tx.update(polls).set({ winnerOptionId: result.winner }).where(eq(polls.id, pollId));
    const [winner] = result.winner
      ? await tx
          .select({ title: books.title })
          .from(pollOptions)
          .innerJoin(bookProposals, eq(bookProposals.id, pollOptions.proposalId))
          .innerJoin(books, eq(books.id, bookProposals.bookId))
          .where(eq(pollOptions.id, result.winner))
      : [];
    await notifyClub(tx, poll.clubId, {
      kind: "poll_closed",
      data: { pollId, winner: winner?.title ?? null },
    });
    return { status: "closed" as const, winnerOptionId: result.winner };
  });
}
