import { bets, books, type Executor, eq, meetings, pointBalances, pointLedger, userScores } from "@booky/db";
import { periodKey } from "@booky/domain";
import { horses } from "./bets.js";
import { definePager, pageRows } from "./pagination.js";

/** The user's balance and scores (all time and this month). */
export async function pointsBalance(db: Executor, userId: string) {
  const [balance] = await db
    .select({ balance: pointBalances.balance })
    .from(pointBalances)
    .where(eq(pointBalances.userId, userId));
  const scores = await db
    .select({ period: userScores.period, score: userScores.score })
    .from(userScores)
    .where(eq(userScores.userId, userId));
  const scoreOf = (period: string) => scores.find((row) => row.period === period)?.score ?? 0;
  return {
    balance: balance?.balance ?? 0,
    score: { allTime: scoreOf("all"), thisMonth: scoreOf(periodKey("thisMonth", new Date())) },
  };
}

const ledgerPager = definePager({ list: "points.ledger", order: "desc", key: "none", id: "serial" });
const ledgerSort = { id: pointLedger.id };

/** Every change to the user's balance, newest first, with what caused it. */
export async function pointsLedger(db: Executor, userId: string, page: { cursor?: string | null; limit: number }) {
  const query = db
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
    .$dynamic();
  const rows = await pageRows(query, ledgerPager, ledgerSort, page, eq(pointLedger.userId, userId));
  // The meeting's columns span two left-joined tables: an entry without a meeting gets null, not an object of nulls.
  const result = ledgerPager.page(rows, page.limit, (row) => ({ key: null, id: String(row.id) }));
  return {
    ...result,
    items: result.items.map((row) => ({
      ...row,
      meeting: row.meeting.id === null ? null : { id: row.meeting.id, bookTitle: row.meeting.bookTitle },
    })),
  };
}
