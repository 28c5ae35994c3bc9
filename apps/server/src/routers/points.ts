import { alias, and, bets, books, eq, meetings, pointBalances, pointLedger, userScores, users } from "@booky/db";
import { ledgerInput, periodKey } from "@booky/domain";
import { definePager } from "../services/pagination.js";
import { authedProcedure, router } from "../trpc.js";

/** The attendee a stake, payout or refund was about. */
const horses = alias(users, "horses");

const ledgerPager = definePager({ list: "points.ledger", order: "desc", key: "none", id: "serial" });
const ledgerSort = { id: pointLedger.id };

export const pointsRouter = router({
  /** The caller's balance and scores (all time and this month). */
  balance: authedProcedure.query(async ({ ctx }) => {
    const [balance] = await ctx.db
      .select({ balance: pointBalances.balance })
      .from(pointBalances)
      .where(eq(pointBalances.userId, ctx.user.id));
    const scores = await ctx.db
      .select({ period: userScores.period, score: userScores.score })
      .from(userScores)
      .where(eq(userScores.userId, ctx.user.id));
    const scoreOf = (period: string) => scores.find((row) => row.period === period)?.score ?? 0;
    return {
      balance: balance?.balance ?? 0,
      score: { allTime: scoreOf("all"), thisMonth: scoreOf(periodKey("thisMonth", new Date())) },
    };
  }),

  /** Every change to the caller's balance, newest first, with what caused it. */
  ledger: authedProcedure.input(ledgerInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: pointLedger.id,
        kind: pointLedger.kind,
        amount: pointLedger.amount,
        createdAt: pointLedger.createdAt,
        betId: pointLedger.betId,
        meeting: { id: meetings.id, bookTitle: books.title },
        horse: { id: horses.id, username: horses.username, displayName: horses.displayName },
      })
      .from(pointLedger)
      .leftJoin(meetings, eq(meetings.id, pointLedger.meetingId))
      .leftJoin(books, eq(books.id, meetings.bookId))
      .leftJoin(bets, eq(bets.id, pointLedger.betId))
      .leftJoin(horses, eq(horses.id, bets.horseId))
      .where(and(eq(pointLedger.userId, ctx.user.id), ledgerPager.after(input.cursor, ledgerSort)))
      .orderBy(...ledgerPager.orderBy(ledgerSort))
      .limit(input.limit + 1);
    // The meeting's columns span two left-joined tables: an entry without a meeting gets null, not an object of nulls.
    const page = ledgerPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
    return {
      ...page,
      items: page.items.map((row) => ({
        ...row,
        meeting: row.meeting.id === null ? null : { id: row.meeting.id, bookTitle: row.meeting.bookTitle },
      })),
    };
  }),
});
