import { createDatabase } from "@booky/db";
import postgres from "postgres";
import { countSiteTotals } from "../../src/services/admin-dashboard.js";
import { ARENA_PLACE } from "../seed/generate.js";

export interface Reader {
  id: string;
  email: string;
}

/** What the scenarios act on, found in the seeded data. */
export interface Fixtures {
  /** The largest club (10,000 members at scale ≥ 1). */
  clubId: string;
  /** Its upcoming meeting with the most attendees: the "large club's meeting". */
  meetingId: string;
  pageCount: number;
  attendees: number;
  /** Attendees of that meeting: the signed-in users of reads and progress updates. */
  readers: Reader[];
  /** The arena: upcoming meetings of the largest club that the bettors all attend, without bets. */
  arenaMeetingIds: string[];
  bettors: Reader[];
  /** Accounts that log in during `auth.logIn` (any seeded account; they share one password). */
  logInEmails: string[];
  /** The site admin who reads the operator dashboard. */
  siteAdmin: Reader;
}

export const SITE_ADMIN_EMAIL = "admin@bench.booky.example";

export async function findFixtures(url: string, sizes: { readers: number; logIns: number }): Promise<Fixtures> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [club] = await sql<{ id: string }[]>`select id from clubs where slug = 'bench-club-0'`;
    if (!club) throw new Error("no bench club: seed this database with `pnpm bench:seed` first");
    const [meeting] = await sql<{ id: string; pageCount: number; attendees: number }[]>`
      select m.id, m.book_page_count as "pageCount", count(*)::int as attendees
      from meetings m join meeting_rsvps r on r.meeting_id = m.id and r.status = 'going'
      where m.club_id = ${club.id} and m.status = 'scheduled' and m.reading_deadline > now() + interval '1 day'
        and m.place is distinct from ${ARENA_PLACE}
      group by m.id order by attendees desc, m.id limit 1`;
    if (!meeting) throw new Error("the largest club has no upcoming meeting");
    const readers = await sql<Reader[]>`
      select u.id, u.email from meeting_rsvps r join users u on u.id = r.user_id
      where r.meeting_id = ${meeting.id} and r.status = 'going' order by u.id limit ${sizes.readers}`;
    const arena = await sql<{ id: string }[]>`
      select id from meetings where club_id = ${club.id} and place = ${ARENA_PLACE} order by id`;
    const bettors = arena[0]
      ? await sql<Reader[]>`
          select u.id, u.email from meeting_rsvps r join users u on u.id = r.user_id
          where r.meeting_id = ${arena[0].id} and r.status = 'going' order by u.id`
      : [];
    // The seed makes members only; the dashboard's reader is added here (once) with the seed's shared password.
    const [siteAdmin] = await sql<Reader[]>`
      insert into users (email, username, display_name, password_hash, role)
      select ${SITE_ADMIN_EMAIL}, 'bench-admin', 'Bench Admin', password_hash, 'admin'
      from users where email like 'reader%@bench.booky.example' limit 1
      on conflict ((lower(email))) do update set role = 'admin'
      returning id, email`;
    if (!siteAdmin) throw new Error("no seeded reader to copy the password from");
    const logIns = await sql<{ email: string }[]>`
      select email from users where email like 'reader%@bench.booky.example' order by id limit ${sizes.logIns}`;
    return {
      clubId: club.id,
      meetingId: meeting.id,
      pageCount: meeting.pageCount,
      attendees: meeting.attendees,
      readers: [...readers],
      arenaMeetingIds: arena.map((row) => row.id),
      bettors: [...bettors],
      logInEmails: logIns.map((row) => row.email),
      siteAdmin,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Each reader's current progress version on the meeting (progress updates name the version they build on). */
export async function progressVersions(url: string, meetingId: string, userIds: string[]) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ userId: string; version: number }[]>`
      select user_id as "userId", version from reading_progress
      where meeting_id = ${meetingId} and user_id = any(${userIds}::uuid[])`;
    return new Map(rows.map((row) => [row.userId, row.version]));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Takes back every open arena bet the way `bets.cancel` does (status
 * cancelled, stake refunded through the ledger), so each run finds every
 * (bettor, meeting) pair free again.
 */
export async function clearArenaBets(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const result = await sql`
      with cancelled as (
        update bets set status = 'cancelled', settled_at = now()
        where status = 'open' and meeting_id in (select id from meetings where place = ${ARENA_PLACE})
        returning id, user_id, stake, meeting_id)
      insert into point_ledger (user_id, kind, amount, score_delta, key, meeting_id, bet_id)
      select user_id, 'refund', stake, 0, 'refund:' || id, meeting_id, id from cancelled`;
    return result.count;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The dashboard's site-wide figures, counted once: in production the
 * `count-site-totals` job counts them every five minutes, and the bench
 * runs no jobs.
 */
export async function countDashboardFigures(url: string) {
  const database = createDatabase(url, { max: 1 });
  try {
    await countSiteTotals(database.db);
  } finally {
    await database.close();
  }
}
