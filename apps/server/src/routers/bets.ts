import {
  and,
  appendLedger,
  bets,
  books,
  clubs,
  desc,
  eq,
  meetingRsvps,
  meetingSettlements,
  meetings,
  ne,
  sql,
  users,
} from "@booky/db";
import {
  acceptsBets,
  allowsBetCancel,
  cancelBetInput,
  impliedOdds,
  ledgerKey,
  myBetsInput,
  placeBetInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { fieldError } from "../errors.js";
import { publicProfileColumns } from "../services/accounts.js";
import { definePager } from "../services/pagination.js";
import { authedProcedure, meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

const isGoing = (meetingId: string, userId: string) =>
  sql<boolean>`exists (select 1 from ${meetingRsvps} where ${meetingRsvps.meetingId} = ${meetingId}
    and ${meetingRsvps.userId} = ${userId} and ${meetingRsvps.status} = 'going')`;

const myBetsPager = definePager({ list: "bets.mine", order: "desc", key: "timestamp" });
const myBetsSort = { key: bets.placedAt, id: bets.id };

export const betsRouter = router({
  /**
   * Stakes points on one attendee (possibly yourself) finishing first. The
   * stake leaves the balance in the same transaction; the database refuses a
   * second live bet on the meeting (CONFLICT) and any overspend (BAD_REQUEST
   * on `stake`), however many requests race.
   */
  place: meetingRoleProcedure("member")
    .input(placeBetInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        // Locks out a concurrent close/cancel until this bet is in (or out).
        const [meeting] = await tx
          .select({ status: meetings.status, readingDeadline: meetings.readingDeadline })
          .from(meetings)
          .where(eq(meetings.id, ctx.meeting.id))
          .for("share");
        const open = acceptsBets(meeting ?? ctx.meeting, new Date());
        if (!open.ok) throw new TRPCError({ code: "CONFLICT", message: open.reason });
        const [check] = await tx.execute<{ bettor: boolean; horse: boolean }>(
          sql`select ${isGoing(ctx.meeting.id, ctx.user.id)} as bettor, ${isGoing(ctx.meeting.id, input.horseId)} as horse`,
        );
        if (!check?.bettor) throw new TRPCError({ code: "FORBIDDEN", message: "Only attendees (RSVP going) can bet" });
        if (!check.horse) throw fieldError("horseId", "You can only bet on someone who is attending");
        const [bet] = await tx
          .insert(bets)
          .values({ meetingId: ctx.meeting.id, userId: ctx.user.id, horseId: input.horseId, stake: input.stake })
          .returning();
        if (!bet) throw new Error("bet insert returned nothing");
        await appendLedger(tx, [
          {
            userId: ctx.user.id,
            kind: "stake",
            amount: -bet.stake,
            scoreDelta: 0,
            key: ledgerKey.stake(bet.id),
            meetingId: bet.meetingId,
            betId: bet.id,
          },
        ]);
        return bet;
      }),
    ),

  /** Takes a bet back before the meeting starts; the stake returns in full. */
  cancel: authedProcedure.input(cancelBetInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const [found] = await tx
        .select({ bet: bets, meeting: { status: meetings.status, startsAt: meetings.startsAt } })
        .from(bets)
        .innerJoin(meetings, eq(meetings.id, bets.meetingId))
        .where(and(eq(bets.id, input.betId), eq(bets.userId, ctx.user.id)))
        .for("share", { of: meetings });
      // Someone else's bet is as invisible as a missing one.
      if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "No such bet of yours" });
      const allowed = allowsBetCancel(found.meeting, new Date());
      if (!allowed.ok) throw new TRPCError({ code: "CONFLICT", message: allowed.reason });
      const [cancelled] = await tx
        .update(bets)
        .set({ status: "cancelled", settledAt: sql`now()` })
        .where(and(eq(bets.id, input.betId), eq(bets.status, "open")))
        .returning();
      if (!cancelled) throw new TRPCError({ code: "CONFLICT", message: `This bet is already ${found.bet.status}` });
      await appendLedger(tx, [
        {
          userId: ctx.user.id,
          kind: "refund",
          amount: cancelled.stake,
          scoreDelta: 0,
          key: ledgerKey.refund(cancelled.id),
          meetingId: cancelled.meetingId,
          betId: cancelled.id,
        },
      ]);
      return cancelled;
    }),
  ),

  /** The pool: every attendee as a horse with its backing and implied odds, the caller's bet, the outcome. */
  forMeeting: meetingProcedure.query(async ({ ctx }) => {
    const meetingId = ctx.meeting.id;
    const horses = await ctx.db
      .select({
        horse: publicProfileColumns,
        stake: sql<number>`coalesce(sum(${bets.stake}), 0)::int`,
        backers: sql<number>`count(${bets.id})::int`,
      })
      .from(meetingRsvps)
      .innerJoin(users, eq(users.id, meetingRsvps.userId))
      .leftJoin(bets, and(eq(bets.meetingId, meetingId), eq(bets.horseId, users.id), ne(bets.status, "cancelled")))
      .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.status, "going")))
      .groupBy(...Object.values(publicProfileColumns))
      .orderBy(desc(sql`coalesce(sum(${bets.stake}), 0)`), users.username);
    // The caller's live bet and the settlement, if any, in one statement.
    const [extras] = await ctx.db
      .select({ myBet: bets, settlement: meetingSettlements })
      .from(meetings)
      .leftJoin(bets, and(eq(bets.meetingId, meetings.id), eq(bets.userId, ctx.user.id), ne(bets.status, "cancelled")))
      .leftJoin(meetingSettlements, eq(meetingSettlements.meetingId, meetings.id))
      .where(eq(meetings.id, meetingId));
    const pool = horses.reduce((sum, row) => sum + row.stake, 0);
    return {
      pool,
      open: acceptsBets(ctx.meeting, new Date()).ok,
      horses: horses.map((row) => ({ ...row, odds: impliedOdds(pool, row.stake) })),
      myBet: extras?.myBet ?? null,
      settlement: extras?.settlement ?? null,
    };
  }),

  /** The caller's bets, newest first, with their meeting and outcome. */
  mine: authedProcedure.input(myBetsInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        bet: bets,
        meeting: {
          id: meetings.id,
          bookTitle: books.title,
          startsAt: meetings.startsAt,
          status: meetings.status,
        },
        club: { id: clubs.id, name: clubs.name, slug: clubs.slug },
        horse: { id: users.id, username: users.username, displayName: users.displayName },
      })
      .from(bets)
      .innerJoin(meetings, eq(meetings.id, bets.meetingId))
      .innerJoin(books, eq(books.id, meetings.bookId))
      .innerJoin(clubs, eq(clubs.id, meetings.clubId))
      .innerJoin(users, eq(users.id, bets.horseId))
      .where(and(eq(bets.userId, ctx.user.id), myBetsPager.after(input.cursor, myBetsSort)))
      .orderBy(...myBetsPager.orderBy(myBetsSort))
      .limit(input.limit + 1);
    return myBetsPager.page(rows, input.limit, (row) => ({ key: row.bet.placedAt, id: row.bet.id }));
  }),
});
