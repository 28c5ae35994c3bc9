import {
  books,
  clubs,
  type Database,
  demoMembers,
  demoUsers,
  eq,
  inArray,
  type Meeting,
  seedDemoData,
  sql,
  type Transaction,
  users,
} from "@booky/db";
import { zoneOffsetMinutes } from "@booky/domain";
import { recordAttendance } from "../services/attendance.js";
import { placeBet } from "../services/bets.js";
import { addMember, createClub } from "../services/clubs.js";
import { acceptFriendRequest, sendFriendRequest } from "../services/friends.js";
import { refreshLeaderboards } from "../services/leaderboards.js";
import { createMeeting, transitionMeeting } from "../services/meetings.js";
import { updateProgress } from "../services/progress.js";
import { answerRsvp } from "../services/racing.js";
import { settleMeeting } from "../services/settlement.js";
import { buildDiscussions } from "./discussions.js";
import { buildLibrary } from "./library.js";
import { type DemoClub, type DemoMeeting, demoClubs, demoFriendships } from "./plan.js";

/** The real clock: services compare against it (a meeting must start in the future, bets close at the deadline). */
const clock = () => new Date();

const DAY = 86_400_000;
const HOUR = 3_600_000;

type People = Map<string, string>;

/**
 * The living demo: the people and catalog (`seedDemoData`), then three clubs
 * with a settled past meeting, a race under way and meetings to come, and
 * friendships, all written through the services members use, so points move
 * only through the ledger's rules (every balance is its ledger's sum).
 *
 * Dates are relative to `now`. Idempotent and atomic: one transaction under
 * an advisory lock builds it all or nothing; a later run finds the first
 * club and changes nothing.
 */
export async function seedDemoCommunity(db: Database, options: { publicUrl?: string; now?: Date } = {}) {
  const people = await seedDemoData(db, options);
  const now = options.now ?? new Date();
  const built = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('booky-demo-community'))`);
    const [first] = await tx.select({ id: clubs.id }).from(clubs).where(eq(clubs.slug, demoClubs[0].slug));
    if (first) return false;
    const ids = await peopleIds(tx);
    for (const plan of demoClubs) await buildClub(tx, ids, plan, now);
    for (const [a, b] of demoFriendships) await befriend(tx, ids, a, b);
    const person = (username: string) => idOf(ids, username);
    await buildDiscussions(tx, person);
    await buildLibrary(tx, person, now);
    // Reviews, once that domain lands: a `buildReviews(tx, person)` here, with its plan beside the others.
    return true;
  });
  // After the commit (a concurrent refresh cannot run inside the seeding transaction).
  if (built) await refreshLeaderboards(db);
  return { ...people, community: built };
}

async function peopleIds(tx: Transaction): Promise<People> {
  const names = [...demoUsers, ...demoMembers].map((person) => person.username);
  const rows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, names));
  return new Map(rows.map((row) => [row.username, row.id]));
}

const idOf = (ids: People, username: string) => {
  const id = ids.get(username);
  if (!id) throw new Error(`demo person @${username} is missing`);
  return id;
};

async function buildClub(tx: Transaction, ids: People, plan: DemoClub, now: Date) {
  const club = await createClub(tx, idOf(ids, plan.owner), {
    name: plan.name,
    description: plan.description,
    category: plan.category,
    isOnline: plan.location === null,
    location: plan.location,
    visibility: plan.visibility,
    memberLimit: 50,
    timeZone: plan.timeZone,
  });
  for (const [username, role] of plan.members) await addMember(tx, club.id, idOf(ids, username), role);
  for (const meeting of plan.meetings) {
    await buildMeeting(tx, ids, club.id, plan.owner, meeting, eveningIn(plan.timeZone, meeting.startsInDays, now));
  }
}

async function bookId(tx: Transaction, isbn13: string) {
  const [book] = await tx.select({ id: books.id }).from(books).where(eq(books.isbn13, isbn13));
  if (!book) throw new Error(`demo book ${isbn13} is not in the seed catalog`);
  return book.id;
}

/**
 * A meeting as members make one: scheduled, answered, bet on, read. A past
 * meeting is played out in the present and then moved back in time as a
 * whole (the services refuse to schedule in the past), then started, closed,
 * attended and settled.
 */
/** 19:00 on the wall clock of `zone`, `days` from `now`'s date there. */
function eveningIn(zone: string, days: number, now: Date): Date {
  const day = new Date(now.getTime() + days * DAY + zoneOffsetMinutes(zone, now) * 60_000);
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 19);
  return new Date(wall - zoneOffsetMinutes(zone, new Date(wall)) * 60_000);
}

async function buildMeeting(tx: Transaction, ids: People, clubId: string, host: string, plan: DemoMeeting, at: Date) {
  const past = plan.startsInDays < 0;
  const startsAt = past ? new Date(clock().getTime() + HOUR) : at;
  const readingDeadline = new Date(startsAt.getTime() - (past ? 0 : plan.readingDays * DAY));
  let meeting: Meeting = await createMeeting(tx, idOf(ids, host), clubId, {
    bookId: await bookId(tx, plan.isbn13),
    bookPageCount: null,
    startsAt,
    readingDeadline,
    place: plan.place,
    link: plan.link,
  });
  for (const username of plan.going) await answerRsvp(tx, idOf(ids, username), meeting.id, { status: "going" });
  for (const username of plan.interested ?? [])
    await answerRsvp(tx, idOf(ids, username), meeting.id, { status: "interested" });
  for (const [bettor, horse, stake] of plan.bets ?? []) {
    await placeBet(tx, idOf(ids, bettor), meeting, { horseId: idOf(ids, horse), stake });
  }
  for (const [username, share] of plan.progress ?? []) {
    await readTo(tx, idOf(ids, username), meeting, share);
  }
  // Past reading ended before its meeting; present reading runs up to now.
  await spreadHistory(tx, meeting.id, past ? at.getTime() - 2 * HOUR : clock().getTime());
  if (!past) return;

  await shiftMeeting(tx, meeting.id, at.getTime() - startsAt.getTime());
  meeting = await transitionMeeting(tx, meeting.id, "active");
  meeting = await transitionMeeting(tx, meeting.id, "closed");
  await tx.execute(sql`
    update meetings set started_at = starts_at, closed_at = starts_at + interval '2 hours' where id = ${meeting.id}`);
  await recordAttendance(
    tx,
    meeting,
    plan.going.map((username) => ({ userId: idOf(ids, username), attended: !(plan.absent ?? []).includes(username) })),
  );
  const settled = await settleMeeting(tx, meeting.id);
  if (settled.status !== "settled") throw new Error(`demo meeting not settled: ${settled.status}`);
}

/** Reports progress in a few steps, as a reader would: a third, two thirds, then the share given (1 = finished). */
async function readTo(tx: Transaction, userId: string, meeting: Meeting, share: number) {
  const target = Math.round(meeting.bookPageCount * share);
  const steps = [Math.round(target / 3), Math.round((2 * target) / 3), target].filter(
    (page, i, all) => page > 0 && page !== all[i - 1],
  );
  let version = 0;
  for (const page of steps) {
    const finished = page >= meeting.bookPageCount;
    const saved = await updateProgress(tx, userId, meeting, {
      ...(finished ? { finished: true } : { page }),
      expectedVersion: version,
      correction: false,
    });
    version = saved.version;
  }
}

/** Progress reported in one go is spread over the days before `until`, newest last, so activity reads like a week. */
async function spreadHistory(tx: Transaction, meetingId: string, until: number) {
  await tx.execute(sql`
    with ranked as (
      select id, row_number() over (order by id desc) as age from reading_progress_history where meeting_id = ${meetingId})
    update reading_progress_history h
       set recorded_at = ${new Date(until).toISOString()}::timestamptz - (ranked.age * interval '5 hours')
      from ranked where ranked.id = h.id`);
  await tx.execute(sql`
    update reading_progress p
       set updated_at = (select max(recorded_at) from reading_progress_history h
                          where h.meeting_id = p.meeting_id and h.user_id = p.user_id),
           finished_at = case when p.finished_at is null then null else
             (select max(recorded_at) from reading_progress_history h
               where h.meeting_id = p.meeting_id and h.user_id = p.user_id) end
     where p.meeting_id = ${meetingId}`);
}

/** Moves a meeting played out in the present back by `offsetMs` (negative): its times and bets (its reading was spread there already). */
async function shiftMeeting(tx: Transaction, meetingId: string, offsetMs: number) {
  const by = sql`(${offsetMs} * interval '1 millisecond')`;
  await tx.execute(sql`
    update meetings set starts_at = starts_at + ${by}, reading_deadline = reading_deadline + ${by},
           created_at = created_at + ${by} where id = ${meetingId}`);
  await tx.execute(sql`update bets set placed_at = placed_at + ${by} where meeting_id = ${meetingId}`);
}

async function befriend(tx: Transaction, ids: People, from: string, to: string) {
  const request = await sendFriendRequest(tx, idOf(ids, from), to);
  if (!request) throw new Error(`friend request @${from} → @${to} was not saved`);
  await acceptFriendRequest(tx, idOf(ids, to), request.id);
}
