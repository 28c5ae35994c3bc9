import type postgres from "postgres";
import type { SeedPlan } from "./plan.js";
import { words } from "./words.js";

/** Where the arena meetings (the bench's betting tables) are held: how the bench finds them. */
export const ARENA_PLACE = "Bench arena";

/** A stable seed per kind of draw, so draws of different kinds are independent (FNV-1a). */
function seedOf(kind: string): number {
  let hash = 0x811c9dc5;
  for (const char of kind) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

/** SQL for a repeatable "random" number in [0, 1) drawn from a kind and the integer expression `n`. */
export const rnd = (kind: string, n: string) =>
  `((hashint8extended((${n})::bigint, ${seedOf(kind)}) & 4503599627370495)::float8 / 4503599627370496.0)`;

/** SQL for the uuid of entity `n` of a kind, shaped as version 4 (zod checks the version and variant nibbles). */
export function bid(kind: string, n: string): string {
  const hex = (salt: number) => `lpad(to_hex(hashint8extended((${n})::bigint, ${seedOf(kind) + salt})), 16, '0')`;
  return `(substr(${hex(0)}, 1, 12) || '4' || substr(${hex(0)}, 13, 3) || '8' || substr(${hex(1)}, 1, 15))::uuid`;
}

/**
 * Session helpers and the scratch tables the seed derives rows from. Every
 * entity is a number (user n, club c, meeting m); its uuid is a hash of that
 * number (`bid`), so rows reference each other without lookups, and the same
 * scale always produces the same data.
 */
export async function prepareSession(sql: postgres.Sql) {
  // Scratch tables live in memory as long as they fit; nothing here needs to survive a crash.
  await sql.unsafe(`set temp_buffers = '1GB'`);
  await sql.unsafe(`set work_mem = '256MB'`);
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  await sql.unsafe(`set synchronous_commit = off`);
}

export interface PlanSql {
  plan: SeedPlan;
  /** The seed's "now", fixed for the whole run so every timestamp agrees. */
  t0: string;
  /** User number → user id, as SQL. */
  user: (n: string) => string;
  /** Member `j` of a club with offset `off` → user number, as SQL. */
  member: (off: string, j: string) => string;
}

export function planSql(plan: SeedPlan, anchor: Date): PlanSql {
  if (plan.users % plan.memberStride === 0) throw new Error("user count must not be a multiple of the stride");
  return {
    plan,
    t0: `'${anchor.toISOString()}'::timestamptz`,
    user: (n) => bid("u", n),
    member: (off, j) => `((${off} + (${j})::bigint * ${plan.memberStride}) % ${plan.users})`,
  };
}

/** Club sizes fall with rank (a few very large, a long tail of small ones); meetings per club; who answered. */
export async function createScratchTables(sql: postgres.Sql, p: PlanSql) {
  const { plan, t0 } = p;
  const regularMeetings = plan.clubs * plan.meetingsPerClub;
  await sql.unsafe(`create temp table bench_clubs as
    select c, least(${plan.users}, ${plan.largestClub},
        3 + floor(${plan.largestClub} / power(ceil((c + 1) / greatest(1, ${plan.scale})::numeric), ${plan.sizeExponent})))::int as k,
      floor(${rnd("club-offset", "c")} * ${plan.users})::bigint as off
    from generate_series(0, ${plan.clubs - 1}) c`);
  await sql.unsafe(`alter table bench_clubs add primary key (c)`);

  // q is the meeting's place in its club's calendar: the last three are upcoming, the rest past.
  // q = -1 marks the arena: extra upcoming meetings of the largest club where the bench bets.
  await sql.unsafe(`create temp table bench_meetings as
    with base as (
      select m, (m % ${plan.clubs})::int as c, (m / ${plan.clubs})::int as q from generate_series(0, ${regularMeetings - 1}) m
      union all
      select ${regularMeetings} + a, 0, -1 from generate_series(0, ${plan.arenaMeetings - 1}) a)
    select b.m, b.c, b.q, ${bid("m", "b.m")} as id, bc.k, bc.off, st.starts_at,
      st.starts_at - interval '2 hours' as deadline,
      (case when b.q = -1 or st.starts_at > ${t0} then 'scheduled'
        when ${rnd("cancelled", "b.m")} < 0.05 then 'cancelled' else 'closed' end)::meeting_status as status,
      120 + floor(${rnd("pages", "b.m")} * 700)::int as page_count
    from base b join bench_clubs bc using (c)
    cross join lateral (select case when b.q = -1
        then date_trunc('hour', ${t0}) + interval '60 days' + b.m % 1000 * interval '1 hour'
        else date_trunc('hour', ${t0}) + ((b.q - ${plan.meetingsPerClub - 3}) * 30
          + 1 + floor(${rnd("starts", "b.m")} * 20)) * interval '1 day' end as starts_at) st`);
  await sql.unsafe(`alter table bench_meetings add primary key (m)`);

  // Each meeting hears from 30–60% of its club (a window of members); 75% of answers are "going",
  // and 80% of those going to a closed meeting attended it. Arena meetings: the first members, all going.
  await sql.unsafe(`create temp table bench_rsvps as
    select bm.m, ${p.member("bm.off", "(s.start + i) % bm.k")}::int as u,
      (case when r.x < 0.75 then 'going' when r.x < 0.9 then 'interested' else 'not_going' end)::rsvp_status as status,
      case when bm.status = 'closed' and r.x < 0.75 then r.x < 0.6 end as attended
    from bench_meetings bm
    cross join lateral (select greatest(1, floor(bm.k * (0.3 + 0.3 * ${rnd("rsvp-share", "bm.m")})))::int as n,
      floor(${rnd("rsvp-start", "bm.m")} * bm.k)::int as start) s
    cross join lateral generate_series(0, s.n - 1) i
    cross join lateral (select ${rnd("rsvp", "bm.m::bigint * 20011 + i")} as x) r
    where bm.q >= 0
    union all
    select bm.m, ${p.member("bm.off", "j")}::int, 'going', null
    from bench_meetings bm, generate_series(0, least(bm.k, ${plan.arenaUsers}) - 1) j where bm.q = -1`);
  await sql.unsafe(`create index on bench_rsvps (m)`);

  // Where each attendee got to. Past meetings: 45% finished (most before the deadline); upcoming: under way.
  await sql.unsafe(`create temp table bench_progress as
    select r.m, r.u, v.page, 1 + floor(${rnd("progress-versions", "key")} * 3)::int as h, v.finished_at,
      coalesce(v.finished_at, case bm.status when 'closed' then bm.deadline - interval '10 days' * y
        when 'cancelled' then bm.starts_at - interval '2 days' - interval '1 day' * y
        else ${t0} - interval '10 days' * y end) as updated_at
    from bench_rsvps r join bench_meetings bm using (m)
    cross join lateral (select r.m::bigint * 1000003 + r.u as key) k
    cross join lateral (select ${rnd("progress", "key")} as x, ${rnd("progress-at", "key")} as y) rr
    cross join lateral (select
      case when bm.status = 'closed' and x < 0.414 then bm.page_count
        when bm.status = 'closed' then floor(bm.page_count * (x - 0.414) / 0.506 * 0.97)::int
        when bm.status = 'cancelled' then floor(bm.page_count * x * 0.5)::int
        when x < 0.02 then bm.page_count
        else floor(bm.page_count * x * 0.6)::int end as page,
      case when bm.status = 'closed' and x < 0.414 then
          case when y < 0.9 then bm.deadline - interval '20 days' * (y / 0.9)
          else bm.deadline + interval '2 days' * ((y - 0.9) * 10) end
        when bm.status = 'scheduled' and x < 0.02 then ${t0} - interval '5 days' * y end as finished_at) v
    where r.status = 'going' and bm.q >= 0 and x < 0.92`);
  await sql.unsafe(`create index on bench_progress (m)`);

  // 12% of attendees bet on the next attendee (by number) of the same meeting.
  await sql.unsafe(`create temp table bench_bets as
    with going as (
      select r.m, r.u, coalesce(lead(r.u) over w, first_value(r.u) over w) as horse
      from bench_rsvps r join bench_meetings bm using (m)
      where r.status = 'going' and bm.q >= 0
      window w as (partition by r.m order by r.u))
    select (row_number() over (order by g.m, g.u))::int as b, g.m, g.u, g.horse,
      1 + floor(${rnd("stake", "g.m::bigint * 1000003 + g.u")} * 20)::int as stake,
      least(bm.deadline - interval '1 hour' - interval '10 days' * ${rnd("placed", "g.m::bigint * 1000003 + g.u")},
        ${t0} - interval '1 minute') as placed_at,
      null::bet_status as status, null::int as payout
    from going g join bench_meetings bm using (m)
    where ${rnd("bet", "g.m::bigint * 1000003 + g.u")} < 0.12`);
  await sql.unsafe(`create index on bench_bets (m)`);
  await sql.unsafe(`alter table bench_bets add column id uuid`);
  await sql.unsafe(`update bench_bets set id = ${bid("b", "b")}`);

  // Settlement as the server does it (settlePool): the first finisher within the deadline wins; the pool
  // goes to the bets on the winner pro rata, rounded down, the remainder one point each by largest stake,
  // earliest bet, bet id; nobody on the winner (or a cancelled meeting) refunds every stake.
  await sql.unsafe(`create temp table bench_winners as
    select distinct on (p.m) p.m, p.u from bench_progress p join bench_meetings bm using (m)
    where bm.status = 'closed' and p.finished_at is not null and p.finished_at <= bm.deadline
    order by p.m, p.finished_at`);
  await sql.unsafe(`alter table bench_winners add primary key (m)`);
  await sql.unsafe(`update bench_bets t set status = o.status, payout = o.payout from (
    with pools as (
      select b.b, b.stake, bm.status as meeting_status, b.horse = w.u as on_winner,
        sum(b.stake) over (partition by b.m) as pool,
        sum(case when b.horse = w.u then b.stake else 0 end) over (partition by b.m) as winning,
        row_number() over (partition by b.m, b.horse = w.u order by b.stake desc, b.placed_at, b.id) as position,
        b.m
      from bench_bets b join bench_meetings bm using (m) left join bench_winners w using (m)),
    shares as (
      select *, case when on_winner and winning > 0 then floor(pool::numeric * stake / winning)::int end as share
      from pools),
    remainders as (select *, pool - sum(coalesce(share, 0)) over (partition by m) as remainder from shares)
    select b,
      (case when meeting_status = 'scheduled' then 'open'
        when meeting_status = 'cancelled' or winning = 0 then 'refunded'
        when on_winner then 'won' else 'lost' end)::bet_status as status,
      case when meeting_status = 'scheduled' then null
        when meeting_status = 'cancelled' or winning = 0 then stake
        when on_winner then share + case when position <= remainder then 1 else 0 end
        else 0 end as payout
    from remainders) o
    where t.b = o.b`);
}

/** INSERT … SELECT statements, each taking a half-open range of the numbers it is batched over. */
export function insertStatements(p: PlanSql) {
  const { plan, t0 } = p;
  return {
    users: (lo: number, hi: number) => `insert into users (id, email, username, display_name, bio, password_hash,
        password_changed_at, created_at, updated_at)
      select ${p.user("n")}, 'reader' || n || '@bench.booky.example', 'reader' || n,
        ${words.firstName("n")} || ' ' || ${words.lastName("n / 40")},
        case when n % 5 = 0 then 'Never without ' || ${words.bookTitle("n")} || '.' else '' end,
        $1, t, t, t
      from generate_series(${lo}, ${hi - 1}) n
      cross join lateral (select ${t0} - interval '3 years' * ${rnd("user", "n")} as t) x`,

    clubs: (lo: number, hi: number) => `insert into clubs (id, slug, name, description, category, is_online, location,
        visibility, member_limit, member_count, owner_id, created_at, updated_at)
      select ${bid("c", "c")}, 'bench-club-' || c,
        ${words.clubWord("c")} || ' ' || ${words.clubWord("c / 20 + 7")} || ' Circle ' || c,
        'We read ' || ${words.bookTitle("c")} || ' and whatever comes next.',
        (enum_range(null::club_category))[1 + c % 11], c % 3 = 0,
        case when c % 3 = 0 then null else ${words.city("c")} end,
        (case when c > 0 and ${rnd("club-private", "c")} < 0.15 then 'private' else 'public' end)::club_visibility,
        least(10000, greatest(50, k + 10)), k, ${p.user("off")}, t, t
      from bench_clubs
      cross join lateral (select ${t0} - interval '3 years' * ${rnd("club", "c")} as t) x
      where c >= ${lo} and c < ${hi}`,

    members: (lo: number, hi: number) => `insert into club_members (club_id, user_id, role, joined_at)
      select ${bid("c", "c")}, ${p.user(p.member("off", "j"))},
        (case when j = 0 then 'owner' when j <= 2 and k > 5 then 'admin' else 'member' end)::club_role,
        ${t0} - interval '2 years' * ${rnd("joined", "c::bigint * 10007 + j")}
      from bench_clubs, generate_series(0, k - 1) j where c >= ${lo} and c < ${hi}`,

    /** The catalog books meetings read (added once; the seed catalog may already hold other books). */
    books: `insert into books (title, page_count)
      select t, 120 + (i * 37) % 700 from unnest(${words.bookTitles()}) with ordinality as x(t, i)
      where not exists (select 1 from books b where b.title = x.t and b.isbn13 is null)`,

    meetings: (lo: number, hi: number) => `insert into meetings (id, club_id, book_id, book_page_count, starts_at,
        reading_deadline, place, link, status, created_by, started_at, closed_at, cancelled_at, created_at, updated_at)
      select id, ${bid("c", "c")},
        (select b.id from books b where b.title = ${words.bookTitle("m")} and b.isbn13 is null order by b.id limit 1),
        page_count, starts_at, deadline,
        case when q = -1 then '${ARENA_PLACE}' when c % 3 = 0 then null else ${words.city("c")} || ' public library' end,
        case when c % 3 = 0 then 'https://meet.booky.example/' || m end,
        status, ${p.user("off")},
        case when status = 'closed' then starts_at end,
        case when status = 'closed' then starts_at + interval '3 hours' end,
        case when status = 'cancelled' then starts_at - interval '1 day' end,
        least(${t0}, starts_at - interval '30 days'), least(${t0}, starts_at - interval '30 days')
      from bench_meetings where m >= ${lo} and m < ${hi}`,

    rsvps: (lo: number, hi: number) => `insert into meeting_rsvps (meeting_id, user_id, status, attended, updated_at)
      select bm.id, ${p.user("r.u")}, r.status, r.attended, least(${t0}, bm.starts_at - interval '3 days')
      from bench_rsvps r join bench_meetings bm using (m) where r.m >= ${lo} and r.m < ${hi}`,

    progress: (lo: number, hi: number) => `insert into reading_progress (meeting_id, user_id, page, version,
        finished_at, updated_at)
      select bm.id, ${p.user("p.u")}, p.page, p.h, p.finished_at, p.updated_at
      from bench_progress p join bench_meetings bm using (m) where p.m >= ${lo} and p.m < ${hi}`,

    history: (lo: number, hi: number) => `insert into reading_progress_history (meeting_id, user_id, page, correction,
        recorded_at)
      select bm.id, ${p.user("p.u")}, (p.page * e / p.h)::int, false, p.updated_at - (p.h - e) * interval '2 days'
      from bench_progress p join bench_meetings bm using (m), generate_series(1, p.h) e
      where p.m >= ${lo} and p.m < ${hi}`,

    bets: (lo: number, hi: number) => `insert into bets (id, meeting_id, user_id, horse_id, stake, status, payout,
        placed_at, settled_at)
      select b.id, bm.id, ${p.user("b.u")}, ${p.user("b.horse")}, b.stake, b.status, b.payout, b.placed_at,
        case when b.status <> 'open' then ${settledAt("bm")} end
      from bench_bets b join bench_meetings bm using (m) where b.m >= ${lo} and b.m < ${hi}`,

    settlements: (lo: number, hi: number) => `insert into meeting_settlements (meeting_id, kind, pool, winner_ids,
        finishers, attendees, settled_at)
      with pools as (
        select b.m, sum(b.stake)::int as pool, (sum(b.stake) filter (where b.horse = w.u))::int as winning
        from bench_bets b left join bench_winners w using (m) where b.m >= ${lo} and b.m < ${hi} group by b.m),
      attendance as (
        select m, count(*)::int as attendees from bench_rsvps
        where status = 'going' and m >= ${lo} and m < ${hi} group by m),
      finishes as (
        select p.m, count(*)::int as finishers from bench_progress p join bench_meetings bm using (m)
        where p.finished_at <= bm.deadline and p.m >= ${lo} and p.m < ${hi} group by p.m)
      select bm.id,
        (case when bm.status = 'closed' and coalesce(pools.winning, 0) > 0 then 'paid' else 'refunded' end)::settlement_kind,
        coalesce(pools.pool, 0),
        case when bm.status = 'closed' and w.u is not null then array[${p.user("w.u")}] else '{}'::uuid[] end,
        case when bm.status = 'closed' then coalesce(finishes.finishers, 0) else 0 end,
        case when bm.status = 'closed' then coalesce(attendance.attendees, 0) else 0 end,
        ${settledAt("bm")}
      from bench_meetings bm
      left join bench_winners w using (m) left join pools using (m)
      left join attendance using (m) left join finishes using (m)
      where bm.status in ('closed', 'cancelled') and bm.m >= ${lo} and bm.m < ${hi}`,

    friendships: (lo: number, hi: number) => `insert into friendships (user_a, user_b, created_at)
      select least(x.a, x.b), greatest(x.a, x.b), ${t0} - interval '1 year' * ${rnd("friends-since", "n::bigint * 64 + d.i")}
      from generate_series(${lo}, ${hi - 1}) n
      cross join lateral (select o, i from unnest(case when n % 100 = 0
          then array(select 2 + 13 * g from generate_series(1, 60) g) else array[1, 17, 233, 1597, 28657] end)
        with ordinality as o(o, i)) d
      cross join lateral (select ${p.user("n")} as a, ${p.user(`(n + d.o) % ${plan.users}`)} as b) x
      where n % 100 = 0 or ${rnd("friends", "n::bigint * 64 + d.i")} < 0.6
      on conflict do nothing`,
  };
}

/** When settlement ran: seconds after the meeting closed, or when it was cancelled. */
export const settledAt = (bm: string) =>
  `(case when ${bm}.status = 'closed' then ${bm}.starts_at + interval '3 hours 5 seconds'
    else ${bm}.starts_at - interval '1 day' + interval '5 seconds' end)`;
