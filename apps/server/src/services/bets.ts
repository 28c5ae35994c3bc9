import {
  alias,
  and,
  appendLedger,
  bets,
  books,
  clubs,
  desc,
  type Executor,
  eq,
  ilike,
  inArray,
  type Meeting,
  meetingRsvps,
  meetingSettlements,
  meetings,
  ne,
  or,
  preparedQuery,
  readingProgress,
  sql,
  users,
} from "@booky/db";
import { acceptsBetOn, acceptsBets, allowsBetCancel, clubBets, impliedOdds, ledgerKey } from "@booky/domain";
import { conflict, fieldError, forbidden, notFound } from "../errors.js";
import { publicProfileColumns, publicProfileOf } from "./accounts.js";
import { attendeesOf, isAttendee, racersOf } from "./attendance.js";
import { returnEntry } from "./bets-refunds.js";
import { containing } from "./like-patterns.js";
import { definePager, pageRows, preparedPage } from "./pagination.js";

/** The attendee a bet (or a stake, payout or refund) was about. */
export const horses = alias(users, "horses");

/**
 * Stakes points on one attendee (possibly yourself) finishing first. The
 * stake leaves the balance in the same transaction; the database refuses a
 * second live bet on the meeting (CONFLICT) and any overspend (BAD_REQUEST
 * on `stake`), however many requests race.
 */
export function placeBet(db: Executor, userId: string, meeting: Meeting, input: { horseId: string; stake: number }) {
  return db.transaction(async (tx) => {
    // Locks out a concurrent close/cancel until this bet is in (or out).
    const [current] = await tx
      .select({ status: meetings.status, readingDeadline: meetings.readingDeadline })
      .from(meetings)
      .where(eq(meetings.id, meeting.id))
      .for("share");
    const open = acceptsBets(current ?? meeting, new Date());
    if (!open.ok) throw conflict(open.reason);
    if (!(await isAttendee(tx, meeting.id, userId))) throw forbidden("Only attendees (RSVP going) can bet");
    // The club FOR SHARE and the horse's answer FOR NO KEY UPDATE: turning betting off or leaving the race waits
    // for this bet, then refunds it; or it went first, and this bet sees it. The answer is taken for update because
    // the bet's trigger adds to its backing: two bets holding it FOR SHARE would each wait for the other to update.
    const [club] = await tx
      .select({ bettingEnabled: clubs.bettingEnabled })
      .from(clubs)
      .where(eq(clubs.id, meeting.clubId))
      .for("share");
    const [horse] = await tx
      .select({ racing: meetingRsvps.racing, finishedAt: readingProgress.finishedAt })
      .from(meetingRsvps)
      .leftJoin(
        readingProgress,
        and(eq(readingProgress.meetingId, meetingRsvps.meetingId), eq(readingProgress.userId, meetingRsvps.userId)),
      )
      .where(and(attendeesOf(meeting.id), eq(meetingRsvps.userId, input.horseId)))
      .for("no key update", { of: meetingRsvps });
    const verdict = acceptsBetOn(
      club ?? { bettingEnabled: false },
      horse ? { attends: true, racing: horse.racing, finished: horse.finishedAt !== null } : null,
    );
    if (!verdict.ok) {
      if (club?.bettingEnabled === false) throw conflict(verdict.reason);
      throw fieldError("horseId", verdict.reason);
    }
    const [bet] = await tx
      .insert(bets)
      .values({ meetingId: meeting.id, userId, horseId: input.horseId, stake: input.stake })
      .returning();
    if (!bet) throw new Error("bet insert returned nothing");
    await appendLedger(tx, [
      {
        userId,
        kind: "stake",
        amount: -bet.stake,
        scoreDelta: 0,
        key: ledgerKey.stake(bet.id),
        meetingId: bet.meetingId,
        betId: bet.id,
      },
    ]);
    return bet;
  });
}

/** Takes one of the caller's bets back before the meeting starts; the stake returns in full. */
export function cancelBet(db: Executor, userId: string, betId: string) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ bet: bets, meeting: { status: meetings.status, startsAt: meetings.startsAt } })
      .from(bets)
      .innerJoin(meetings, eq(meetings.id, bets.meetingId))
      .where(and(eq(bets.id, betId), eq(bets.userId, userId)))
      .for("share", { of: meetings });
    // Someone else's bet is as invisible as a missing one.
    if (!found) throw notFound("No such bet of yours");
    const allowed = allowsBetCancel(found.meeting, new Date());
    if (!allowed.ok) throw conflict(allowed.reason);
    const [cancelled] = await tx
      .update(bets)
      .set({ status: "cancelled", settledAt: sql`now()` })
      .where(and(eq(bets.id, betId), eq(bets.status, "open")))
      .returning();
    if (!cancelled) throw conflict(`This bet is already ${found.bet.status}`);
    await appendLedger(tx, [returnEntry(cancelled, { result: "refunded", payout: cancelled.stake })]);
    return cancelled;
  });
}

const horsesPager = definePager({ list: "bets.forMeeting", order: "desc", key: "int" });
const horsesSort = { key: meetingRsvps.backing, id: meetingRsvps.userId };

/**
 * The pool: its total, whether it takes bets, the caller's bet (a live one
 * before one refunded) and, once settled, where it went and to whom; with one
 * page of the horses (every racing attendee, most backed first), each with its
 * backing and implied odds. The backing is kept on each attendee's answer (a
 * trigger on `bets`), so a page is one index read at any meeting size.
 */
export async function betPool(
  db: Executor,
  userId: string,
  meeting: Meeting,
  page: { cursor?: string | null; limit: number; search?: string | undefined },
) {
  const [extras] = await poolExtras(db, { meetingId: meeting.id, userId });
  const betting = clubBets({ bettingEnabled: extras?.bettingEnabled ?? false });
  if (!betting.ok) throw conflict(betting.reason);
  const rows = page.search
    ? await pageRows(horsesNamed(db, page.search), horsesPager, horsesSort, page, racersOf(meeting.id))
    : await horsesPage(db, { meetingId: meeting.id }, page);
  const horsesShown = horsesPager.page(rows, page.limit, (row) => ({ key: row.stake, id: row.horse.id }));
  const settlement = extras?.settlement ?? null;
  // Once settled, the pool is what it held then: a pool settled by refunding every stake has no backing left.
  const pool = settlement?.pool ?? extras?.pool ?? 0;
  const winners = settlement?.winnerIds.length ? await profilesInOrder(db, settlement.winnerIds) : [];
  return {
    pool,
    open: acceptsBets(meeting, new Date()).ok,
    myBet: extras?.myBet && extras.myHorse ? { horse: extras.myHorse, ...extras.myBet } : null,
    settlement,
    winners,
    // The spread last, per row: added keys after a spread take V8's slow path (see meetingSummary in meetings.ts).
    horses: horsesShown.items.map((row) => ({ odds: impliedOdds(pool, row.stake), ...row })),
    nextCursor: horsesShown.nextCursor,
  };
}

/** The pool's total (its backed horses' backing), whether the club bets, the caller's bet and the settlement. */
const poolExtras = preparedQuery("bet_pool_extras", (db) =>
  db
    .select({
      bettingEnabled: clubs.bettingEnabled,
      pool: sql<number>`(select coalesce(sum(${meetingRsvps.backing}), 0)::int from ${meetingRsvps}
        where ${racersOf(meetings.id)} and ${meetingRsvps.backing} > 0)`,
      myBet: bets,
      myHorse: publicProfileOf(horses),
      settlement: meetingSettlements,
    })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .leftJoin(
      bets,
      and(eq(bets.meetingId, meetings.id), eq(bets.userId, sql.placeholder("userId")), ne(bets.status, "cancelled")),
    )
    .leftJoin(horses, eq(horses.id, bets.horseId))
    .leftJoin(meetingSettlements, eq(meetingSettlements.meetingId, meetings.id))
    .where(eq(meetings.id, sql.placeholder("meetingId")))
    .orderBy(sql`${bets.status} = 'refunded'`, desc(bets.placedAt))
    .limit(1),
);

/** Polled with the meeting page: its two statements are prepared once. */
const horsesPage = preparedPage(
  "bet_pool_horses",
  horsesPager,
  horsesSort,
  (db) =>
    db
      .select({ horse: publicProfileColumns, stake: meetingRsvps.backing, backers: meetingRsvps.backers })
      .from(meetingRsvps)
      .innerJoin(users, eq(users.id, meetingRsvps.userId))
      .$dynamic(),
  racersOf(sql.placeholder("meetingId")),
);

/**
 * The horses whose name or username contains `search` (a bettor looking for
 * one in a big meeting): the meeting's racers in the pool's order, each one's
 * name matched by a lateral lookup of its one user row. `limit 1` keeps
 * PostgreSQL from making it a join, which it would plan as a scan of every
 * member of the site (it expects few names to match): the read stops at the
 * page, and at worst visits every racer of the meeting, never the site.
 */
function horsesNamed(db: Executor, search: string) {
  const pattern = containing(search);
  const named = db
    .select(publicProfileColumns)
    .from(users)
    .where(
      and(eq(users.id, meetingRsvps.userId), or(ilike(users.displayName, pattern), ilike(users.username, pattern))),
    )
    .limit(1)
    .as("named");
  return db
    .select({ horse: publicProfileOf(named), stake: meetingRsvps.backing, backers: meetingRsvps.backers })
    .from(meetingRsvps)
    .innerJoinLateral(named, sql`true`)
    .$dynamic();
}

/** The members with these ids, in the order given (the settlement's order of its winners). */
async function profilesInOrder(db: Executor, ids: string[]) {
  const rows = await db.select(publicProfileColumns).from(users).where(inArray(users.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const myBetsPager = definePager({ list: "bets.mine", order: "desc", key: "timestamp" });
const myBetsSort = { key: bets.placedAt, id: bets.id };

/** The caller's bets, newest first, with their meeting and outcome. */
export async function listMyBets(db: Executor, userId: string, page: { cursor?: string | null; limit: number }) {
  const query = db
    .select({
      bet: bets,
      meeting: {
        id: meetings.id,
        bookTitle: books.title,
        startsAt: meetings.startsAt,
        status: meetings.status,
      },
      club: { id: clubs.id, name: clubs.name, slug: clubs.slug },
      horse: { id: horses.id, username: horses.username, displayName: horses.displayName },
    })
    .from(bets)
    .innerJoin(meetings, eq(meetings.id, bets.meetingId))
    .innerJoin(books, eq(books.id, meetings.bookId))
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .innerJoin(horses, eq(horses.id, bets.horseId))
    .$dynamic();
  const rows = await pageRows(query, myBetsPager, myBetsSort, page, eq(bets.userId, userId));
  return myBetsPager.page(rows, page.limit, (row) => ({ key: row.bet.placedAt, id: row.bet.id }));
}
