import { sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { countSiteTotals, dashboard } from "../src/services/admin-dashboard.js";
import { catalogBook } from "./catalog.js";
import { startTestServer } from "./harness.js";
import { nodesOf, planRecorder, seqScanned } from "./plans-support.js";

/**
 * The operator dashboard counts no rows that grow with the site: every
 * statement `admin.dashboard` sends is EXPLAIN ANALYZEd over a database of
 * 20,000 members with a session each, 5,000 meetings, 20,000 bets and 2,000
 * cases, after VACUUM ANALYZE. Totals of the largest tables come from the
 * planner's estimates, open cases from the queue's index, everything else
 * from what the `count-site-totals` job counted (its statements are
 * explained too: index range scans, and the one sum of every balance).
 */
const server = await startTestServer();
const { db: recordingDb, explainedOf } = planRecorder(server);

const MEMBERS = 20_000;
const MEETINGS = 5_000;

/** The tables that grow with the site; the dashboard may not read any of them whole. */
const BIG = [
  "users",
  "sessions",
  "meetings",
  "bets",
  "moderation_cases",
  "point_balances",
  "clubs",
  "import_jobs",
  "trade_proposals",
];

async function seed() {
  const book = await catalogBook(server, { pageCount: 300 });
  await server.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into users (email, username, display_name, password_hash, created_at)
      select 'dash' || n || '@plans.example', 'dash_' || n, 'Dash ' || n,
        '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash', now() - (n % 400) * interval '1 day'
      from generate_series(1, ${MEMBERS}::int) n`);
    await tx.execute(sql`create temp table dash (n int, user_id uuid) on commit drop`);
    await tx.execute(sql`insert into dash select substring(username from '[0-9]+$')::int, id from users
      where email like 'dash%@plans.example'`);
    await tx.execute(sql`
      insert into sessions (user_id, last_used_at, expires_at)
      select user_id, now() - (n % 90) * interval '1 day', now() + interval '30 days' from dash`);
    // Balances move only through the ledger (its trigger keeps point_balances).
    await tx.execute(sql`insert into point_ledger (user_id, kind, amount, key)
      select user_id, 'grant', 100 + n % 50, 'dash-grant-' || n from dash`);
    const [club] = await tx.execute<{ id: string }>(sql`
      insert into clubs (slug, name, category, is_online, owner_id, member_count, member_limit)
      select 'dash-club', 'Dashboard club', 'other', true, user_id, 1, 10 from dash where n = 1 returning id`);
    await tx.execute(sql`insert into club_members (club_id, user_id, role)
      select ${club?.id}, user_id, 'owner' from dash where n = 1`);
    await tx.execute(sql`
      insert into meetings (club_id, book_id, book_page_count, starts_at, reading_deadline, link, created_by, status)
      select ${club?.id}, ${book.id}, 300, now() + (n - ${MEETINGS / 2}) * interval '2 hours',
        now() + (n - ${MEETINGS / 2}) * interval '2 hours', 'https://meet.example.com', (select user_id from dash where n = 1),
        (case when n > ${MEETINGS / 2} then 'scheduled' else 'closed' end)::meeting_status
      from generate_series(1, ${MEETINGS}::int) n`);
    await tx.execute(sql`create temp table dash_meetings (n int, id uuid) on commit drop`);
    await tx.execute(
      sql`insert into dash_meetings select row_number() over (order by starts_at), id from meetings where club_id = ${club?.id}`,
    );
    // Four bets a meeting, one in fifty still open.
    await tx.execute(sql`
      insert into bets (meeting_id, user_id, horse_id, stake, status)
      select m.id, d.user_id, h.user_id, 1 + d.n % 20, (case when d.n % 50 = 0 then 'open' else 'lost' end)::bet_status
      from dash d join dash_meetings m on m.n = 1 + d.n % ${MEETINGS} join dash h on h.n = 1 + (d.n + 1) % ${MEMBERS}`);
    await tx.execute(sql`
      insert into moderation_cases (club_id, target, target_key, subject_id, status, reporter_count, resolved_at)
      select ${club?.id}, 'member', 'member:' || d.user_id, d.user_id,
        (case when d.n % 20 = 0 then 'open' else 'resolved' end)::moderation_case_status, 1,
        (case when d.n % 20 <> 0 then now() - (d.n % 100) * interval '1 day' end)
      from dash d where d.n <= 2000`);
    // An import a member, and a trade completed between neighbours for one member in ten.
    await tx.execute(sql`insert into import_jobs (user_id, source, file_name, status, total_rows, created_at)
      select user_id, 'goodreads', 'export.csv', 'done', 10, now() - (n % 400) * interval '1 day' from dash`);
    await tx.execute(sql`
      insert into trade_proposals (from_user_id, to_user_id, status, decided_at, fulfilled_at)
      select d.user_id, h.user_id, 'accepted', now() - (d.n % 300) * interval '1 day', now() - (d.n % 300) * interval '1 day'
      from dash d join dash h on h.n = 1 + d.n % ${MEMBERS} where d.n % 10 = 0`);
  });
  // As autovacuum leaves a live database: statistics, and the visibility map that lets index-only scans skip the heap.
  await server.db.execute(sql`vacuum analyze`);
}

const bookMetadata = {
  enabled: false,
  health: async () => ({ cacheHits: 3, cacheMisses: 1, circuitOpen: false }),
} as unknown as Parameters<typeof dashboard>[0]["bookMetadata"];

await seed();
await countSiteTotals(server.db);

describe("admin.dashboard at scale", () => {
  it("counts what was seeded", async () => {
    const figures = await dashboard({ db: recordingDb, bookMetadata });
    expect(figures.members.totalEstimate).toBeGreaterThanOrEqual(MEMBERS * 0.9);
    // Sessions used n % 90 days ago: 7 days back covers days 0..6 (and the 7th, partly), 30 days 0..29.
    expect(figures.members.active7Days).toBeGreaterThanOrEqual(Math.floor((MEMBERS * 7) / 90));
    expect(figures.members.active30Days).toBeGreaterThanOrEqual(Math.floor((MEMBERS * 30) / 90));
    // Resolved n % 100 days ago: 30 of every 100 days, less the open ones (n % 20 = 0) among them.
    expect(figures.cases.open).toBe(100);
    expect(figures.cases.resolvedLast30Days).toBe(
      Array.from({ length: 2000 }, (_, i) => i + 1).filter((n) => n % 20 !== 0 && n % 100 < 30).length,
    );
    expect(figures.points.openBets).toBe(MEMBERS / 50);
    const [{ staked }] = (await server.db.execute<{ staked: string }>(
      sql`select sum(stake)::text as staked from bets where status = 'open'`,
    )) as unknown as [{ staked: string }];
    expect(figures.points.staked).toBe(Number(staked));
    // Granted 100 + n % 50 each, and the open stakes still held: the job's count is every balance's sum.
    const [{ sum }] = (await server.db.execute<{ sum: string }>(
      sql`select sum(balance)::text as sum from point_balances`,
    )) as unknown as [{ sum: string }];
    expect(figures.points.inCirculation).toBe(Number(sum));
    expect(figures.points.countedAt).toBeInstanceOf(Date);
    expect(figures.weekly).toHaveLength(8);
    // Weekly figures: members joined, imports started (one each, the same days) and trades completed in those weeks.
    expect(figures.weekly.reduce((total, week) => total + week.imports, 0)).toBeGreaterThan(0);
    expect(figures.weekly.reduce((total, week) => total + week.imports, 0)).toBe(
      figures.weekly.reduce((total, week) => total + week.newMembers, 0),
    );
    expect(figures.weekly.reduce((total, week) => total + week.trades, 0)).toBeGreaterThan(0);
    expect(figures.googleBooks.cacheHitRatio).toBe(0.75);
  });

  it("reads no growing table: planner estimates, the open cases' index and the job's rows", async () => {
    const plans = await explainedOf((db) => dashboard({ db, bookMetadata }));
    const report = plans.map(({ query, plan }) => {
      const nodes = nodesOf(plan);
      return {
        query: query.replace(/\s+/g, " ").slice(0, 90),
        tables: [...new Set(nodes.map((node) => node["Relation Name"]).filter(Boolean))],
        indexes: [...new Set(nodes.map((node) => node["Index Name"]).filter(Boolean))],
        mostRows: Math.max(...nodes.map((node) => node["Actual Rows"] * node["Actual Loops"])),
      };
    });
    // The plans are the evidence the issue asks for: kept in the test output.
    console.info(JSON.stringify(report, null, 2));
    const read = report.flatMap((statement) => statement.tables);
    // Only the backlog of open cases is counted per request (100 here), through an index that holds just them
    // or leads with the status (the planner picks either, by the statistics of the moment).
    expect(read.filter((table) => BIG.includes(table ?? ""))).toEqual(["moderation_cases"]);
    const openCasesIndexes = ["moderation_cases_queue_idx", "moderation_cases_one_open_key"];
    expect(
      report.flatMap((statement) => statement.indexes).filter((name) => openCasesIndexes.includes(name ?? "")),
    ).not.toEqual([]);
    expect(
      seqScanned(
        plans.flatMap(({ plan }) => nodesOf(plan)),
        ["moderation_cases"],
      ),
    ).toEqual([]);
    expect(read).toEqual(expect.arrayContaining(["site_totals", "site_weekly_totals"]));
    expect(Math.max(...report.map((statement) => statement.mostRows))).toBeLessThanOrEqual(100);
  });

  it("the job counts each figure with an index range scan, and sums the balances once", async () => {
    const plans = await explainedOf((db) => countSiteTotals(db), { writes: true });
    const nodes = plans.flatMap(({ plan }) => nodesOf(plan));
    console.info(JSON.stringify(plans.map(({ query }) => query.replace(/\s+/g, " ").slice(0, 90))));
    // Points in circulation is every balance's sum: the one whole read, every five minutes, never per request.
    expect([...new Set(seqScanned(nodes, BIG))]).toEqual(["point_balances"]);
    const used = nodes.map((node) => node["Index Name"]);
    for (const index of [
      "users_created_at_idx",
      "sessions_last_used_idx",
      "meetings_starts_idx",
      "moderation_cases_resolved_idx",
      "import_jobs_created_idx",
      "trade_proposals_fulfilled_idx",
    ]) {
      expect(used).toContain(index);
    }
  });
});
