import { type Executor, siteTotals, sql } from "@booky/db";
import type { AppDeps } from "../context.js";

const WEEKS = 8;

/**
 * The operator dashboard: counts and weekly trends, each from an index
 * (users by `created_at`, sessions by `last_used_at`, meetings by
 * `starts_at`, cases by status, imports by `created_at`, trades by
 * `fulfilled_at`), from the planner's row estimates for the totals of the
 * large tables, or from `site_totals` (points and open bets, counted by a job), so no query reads a
 * whole large table.
 */
export async function dashboard(deps: Pick<AppDeps, "db" | "bookMetadata">) {
  const [members, weekly, cases, points, jobs, books] = await Promise.all([
    memberCounts(deps.db),
    weeklyTrends(deps.db),
    caseCounts(deps.db),
    pointsInPlay(deps.db),
    jobQueueHealth(deps.db),
    deps.bookMetadata.health(),
  ]);
  const lookups = books.cacheHits + books.cacheMisses;
  return {
    members,
    weekly,
    cases,
    points,
    jobs,
    googleBooks: {
      enabled: deps.bookMetadata.enabled,
      circuitOpen: books.circuitOpen,
      cacheLookups: lookups,
      cacheHitRatio: lookups === 0 ? null : books.cacheHits / lookups,
    },
  };
}

/** Totals from the planner's estimates (kept by autovacuum); active members from the sessions used lately. */
async function memberCounts(db: Executor) {
  const [row] = await db.execute<{ members: number; clubs: number; active7: number; active30: number }>(sql`
    select
      (select greatest(reltuples, 0)::bigint::int from pg_class where oid = 'users'::regclass) as members,
      (select greatest(reltuples, 0)::bigint::int from pg_class where oid = 'clubs'::regclass) as clubs,
      (select count(distinct user_id)::int from sessions where last_used_at > now() - interval '7 days') as active7,
      (select count(distinct user_id)::int from sessions where last_used_at > now() - interval '30 days') as active30`);
  return {
    totalEstimate: row?.members ?? 0,
    clubsEstimate: row?.clubs ?? 0,
    active7Days: row?.active7 ?? 0,
    active30Days: row?.active30 ?? 0,
  };
}

/** New members, meetings, imports and completed trades per week, the last eight weeks (Monday first, UTC), zero-filled. */
async function weeklyTrends(db: Executor) {
  // A plain array: postgres.js's result list carries driver metadata that is no part of the answer.
  const weeks = await db.execute<{
    week: string;
    newMembers: number;
    meetings: number;
    imports: number;
    trades: number;
  }>(sql`
    with weeks as (
      select generate_series(date_trunc('week', now()) - ${WEEKS - 1} * interval '1 week', date_trunc('week', now()), interval '1 week') as week
    )
    select to_char(w.week, 'YYYY-MM-DD') as "week",
      (select count(*)::int from users u where u.created_at >= w.week and u.created_at < w.week + interval '1 week') as "newMembers",
      (select count(*)::int from meetings m where m.starts_at >= w.week and m.starts_at < w.week + interval '1 week') as "meetings",
      (select count(*)::int from import_jobs i where i.created_at >= w.week and i.created_at < w.week + interval '1 week') as "imports",
      (select count(*)::int from trade_proposals t
        where t.fulfilled_at >= w.week and t.fulfilled_at < w.week + interval '1 week') as "trades"
    from weeks w order by w.week`);
  return [...weeks];
}

/** Cases open now, and resolved in the last 30 days (all resolved ever grows without end: a whole-table count). */
async function caseCounts(db: Executor) {
  const [row] = await db.execute<{ open: number; resolved: number }>(sql`
    select (select count(*)::int from moderation_cases where status = 'open') as open,
      (select count(*)::int from moderation_cases
        where status = 'resolved' and resolved_at > now() - interval '30 days') as resolved`);
  return { open: row?.open ?? 0, resolvedLast30Days: row?.resolved ?? 0 };
}

/** The figures `countSiteTotals` keeps in `site_totals`, by name. */
const TOTALS = {
  inCirculation: "points_in_circulation",
  staked: "points_staked_in_open_bets",
  openBets: "open_bets",
} as const;

/**
 * Points held (the balances' sum), staked in open bets and the open bets,
 * as last counted by `countSiteTotals`: none has a bounded read (open bets
 * grow with the site: 35,000 of them at the bench's scale 1).
 */
async function pointsInPlay(db: Executor) {
  const rows = await db.execute<{ name: string; value: string; countedAt: Date }>(sql`
    select name, value::text as value, counted_at as "countedAt" from ${siteTotals}
    where name in (${TOTALS.inCirculation}, ${TOTALS.staked}, ${TOTALS.openBets})`);
  const counted = new Map(rows.map((row) => [row.name, row]));
  const value = (name: string) => {
    const row = counted.get(name);
    return row === undefined ? null : Number(row.value);
  };
  const countedAt = counted.get(TOTALS.inCirculation)?.countedAt;
  return {
    inCirculation: value(TOTALS.inCirculation),
    countedAt: countedAt ? new Date(countedAt) : null,
    staked: value(TOTALS.staked) ?? 0,
    openBets: value(TOTALS.openBets) ?? 0,
  };
}

/**
 * Counts the site-wide totals the dashboard shows without reading whole
 * tables per request (the `count-site-totals` job, every five minutes).
 */
export async function countSiteTotals(db: Executor): Promise<void> {
  await db.execute(sql`
    insert into ${siteTotals} (name, value, counted_at)
    select ${TOTALS.inCirculation}, coalesce(sum(balance), 0), now() from point_balances
    union all
    select name, value, now() from (
      select coalesce(sum(stake), 0) as staked, count(*) as open from bets where status = 'open'
    ) b cross join lateral (values (${TOTALS.staked}, b.staked), (${TOTALS.openBets}, b.open)) v(name, value)
    on conflict (name) do update set value = excluded.value, counted_at = excluded.counted_at`);
}

/** graphile-worker's queue: jobs waiting (due, unlocked), running (locked), failed for good, and the oldest wait. */
async function jobQueueHealth(db: Executor) {
  const [queue] = await db.execute<{ present: boolean }>(
    sql`select to_regclass('graphile_worker._private_jobs') is not null as present`,
  );
  if (!queue?.present) return { waiting: 0, running: 0, failed: 0, oldestWaitingSince: null };
  const [row] = await db.execute<{ waiting: number; running: number; failed: number; oldest: Date | null }>(sql`
    select count(*) filter (where locked_at is null and attempts < max_attempts and run_at <= now())::int as waiting,
      count(*) filter (where locked_at is not null)::int as running,
      count(*) filter (where attempts >= max_attempts)::int as failed,
      min(run_at) filter (where locked_at is null and attempts < max_attempts and run_at <= now()) as oldest
    from graphile_worker._private_jobs`);
  return {
    waiting: row?.waiting ?? 0,
    running: row?.running ?? 0,
    failed: row?.failed ?? 0,
    oldestWaitingSince: row?.oldest ? new Date(row.oldest) : null,
  };
}
