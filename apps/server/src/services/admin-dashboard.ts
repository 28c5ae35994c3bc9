import { type Executor, siteTotals, siteWeeklyTotals, sql } from "@booky/db";
import type { AppDeps } from "../context.js";

const WEEKS = 8;

/** The weeks the dashboard shows, as a `from` item: the current one and the seven before it. */
const weeksShown = sql`(select generate_series(date_trunc('week', now()) - ${WEEKS - 1} * interval '1 week',
  date_trunc('week', now()), interval '1 week') as week)`;

/**
 * The operator dashboard, in reads that do not grow with the site: the
 * planner's row estimates for the totals of the large tables, the open
 * cases and the job queue (each bounded by its backlog), and the rows the
 * `count-site-totals` job keeps (`site_totals`: members active lately,
 * cases resolved lately, points and open bets; `site_weekly_totals`: eight
 * weeks of trends), so no request counts rows that grow with the site.
 */
export async function dashboard(deps: Pick<AppDeps, "db" | "bookMetadata">) {
  const [estimates, weekly, openCases, counted, jobs, books] = await Promise.all([
    memberCounts(deps.db),
    weeklyTrends(deps.db),
    caseCounts(deps.db),
    countedFigures(deps.db),
    jobQueueHealth(deps.db),
    deps.bookMetadata.health(),
  ]);
  const lookups = books.cacheHits + books.cacheMisses;
  return {
    members: { ...estimates, active7Days: counted.active7Days, active30Days: counted.active30Days },
    weekly,
    cases: { open: openCases, resolvedLast30Days: counted.resolvedLast30Days },
    points: counted.points,
    jobs,
    googleBooks: {
      enabled: deps.bookMetadata.enabled,
      circuitOpen: books.circuitOpen,
      cacheLookups: lookups,
      cacheHitRatio: lookups === 0 ? null : books.cacheHits / lookups,
    },
  };
}

/** Totals from the planner's estimates (kept by autovacuum); active members as the job last counted them. */
async function memberCounts(db: Executor) {
  const [row] = await db.execute<{ members: number; clubs: number }>(sql`
    select
      (select greatest(reltuples, 0)::bigint::int from pg_class where oid = 'users'::regclass) as members,
      (select greatest(reltuples, 0)::bigint::int from pg_class where oid = 'clubs'::regclass) as clubs`);
  return { totalEstimate: row?.members ?? 0, clubsEstimate: row?.clubs ?? 0 };
}

/**
 * Eight weeks (Monday first, UTC), zero-filled, each as the job last counted
 * it: new members, meetings, imports started, trades completed.
 */
async function weeklyTrends(db: Executor) {
  // A plain array: postgres.js's result list carries driver metadata that is no part of the answer.
  const weeks = await db.execute<{
    week: string;
    newMembers: number;
    meetings: number;
    imports: number;
    trades: number;
  }>(sql`
    select to_char(w.week, 'YYYY-MM-DD') as "week", coalesce(t.new_members, 0) as "newMembers",
      coalesce(t.meetings, 0) as "meetings", coalesce(t.imports, 0) as "imports", coalesce(t.trades, 0) as "trades"
    from ${weeksShown} w left join ${siteWeeklyTotals} t on t.week = w.week::date
    order by w.week`);
  return [...weeks];
}

/** Cases open now (the moderators' backlog, counted live); resolved in the last 30 days as last counted. */
async function caseCounts(db: Executor) {
  const [row] = await db.execute<{ open: number }>(sql`
    select count(*)::int as open from moderation_cases where status = 'open'`);
  return row?.open ?? 0;
}

/** The figures `countSiteTotals` keeps in `site_totals`, by name. */
const TOTALS = {
  inCirculation: "points_in_circulation",
  staked: "points_staked_in_open_bets",
  openBets: "open_bets",
  active7: "members_active_7_days",
  active30: "members_active_30_days",
  resolved30: "cases_resolved_30_days",
} as const;

/**
 * What `countSiteTotals` last counted: points held (the balances' sum),
 * staked in open bets and the open bets, members active in the last 7 and
 * 30 days, cases resolved in the last 30 days. None has a bounded read (open
 * bets grow with the site: 35,000 of them at the bench's scale 1).
 */
async function countedFigures(db: Executor) {
  const rows = await db.execute<{ name: string; value: string; countedAt: Date }>(sql`
    select name, value::text as value, counted_at as "countedAt" from ${siteTotals}
    where name in (${sql.join(
      Object.values(TOTALS).map((name) => sql`${name}`),
      sql`, `,
    )})`);
  const counted = new Map(rows.map((row) => [row.name, row]));
  const value = (name: string) => {
    const row = counted.get(name);
    return row === undefined ? null : Number(row.value);
  };
  const countedAt = counted.get(TOTALS.inCirculation)?.countedAt;
  return {
    points: {
      inCirculation: value(TOTALS.inCirculation),
      countedAt: countedAt ? new Date(countedAt) : null,
      staked: value(TOTALS.staked) ?? 0,
      openBets: value(TOTALS.openBets) ?? 0,
    },
    active7Days: value(TOTALS.active7) ?? 0,
    active30Days: value(TOTALS.active30) ?? 0,
    resolvedLast30Days: value(TOTALS.resolved30) ?? 0,
  };
}

/**
 * Counts the site-wide figures the dashboard shows without counting rows
 * per request (the `count-site-totals` job, every five minutes): the
 * totals, and the eight weeks of trends, each an index range scan (users
 * by `created_at`, sessions by `last_used_at`, meetings by `starts_at`,
 * cases by `resolved_at`, imports by `created_at`, trades by
 * `fulfilled_at`). Weeks older than the eight are dropped.
 */
export async function countSiteTotals(db: Executor): Promise<void> {
  await db.execute(sql`
    insert into ${siteTotals} (name, value, counted_at)
    select ${TOTALS.inCirculation}, coalesce(sum(balance), 0), now() from point_balances
    union all
    select name, value, now() from (
      select coalesce(sum(stake), 0) as staked, count(*) as open from bets where status = 'open'
    ) b cross join lateral (values (${TOTALS.staked}, b.staked), (${TOTALS.openBets}, b.open)) v(name, value)
    union all
    select ${TOTALS.active7}, count(distinct user_id), now() from sessions where last_used_at > now() - interval '7 days'
    union all
    select ${TOTALS.active30}, count(distinct user_id), now() from sessions where last_used_at > now() - interval '30 days'
    union all
    select ${TOTALS.resolved30}, count(*), now() from moderation_cases
      where status = 'resolved' and resolved_at > now() - interval '30 days'
    on conflict (name) do update set value = excluded.value, counted_at = excluded.counted_at`);
  await db.execute(sql`
    insert into ${siteWeeklyTotals} (week, new_members, meetings, imports, trades, counted_at)
    select w.week::date,
      (select count(*)::int from users u where u.created_at >= w.week and u.created_at < w.week + interval '1 week'),
      (select count(*)::int from meetings m where m.starts_at >= w.week and m.starts_at < w.week + interval '1 week'),
      (select count(*)::int from import_jobs i where i.created_at >= w.week and i.created_at < w.week + interval '1 week'),
      (select count(*)::int from trade_proposals t
        where t.fulfilled_at >= w.week and t.fulfilled_at < w.week + interval '1 week'),
      now()
    from ${weeksShown} w
    on conflict (week) do update set new_members = excluded.new_members, meetings = excluded.meetings,
      imports = excluded.imports, trades = excluded.trades, counted_at = excluded.counted_at`);
  await db.execute(sql`
    delete from ${siteWeeklyTotals} where week < (date_trunc('week', now()) - ${WEEKS - 1} * interval '1 week')::date`);
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
