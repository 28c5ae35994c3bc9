import { type Executor, type Meeting, meetings, sql } from "@booky/db";
import { monthKey } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { betPool } from "../src/services/bets.js";
import { refreshLeaderboards, userLeaderboard } from "../src/services/leaderboards.js";
import { meetingSummary } from "../src/services/meetings.js";
import { meetingStandings } from "../src/services/progress.js";
import { catalogBook } from "./catalog.js";
import { startTestServer } from "./harness.js";
import { nodesOf, type PlanNode, planRecorder, seqScanned as seqScannedOf } from "./plans-support.js";

/**
 * A big club's hot reads are index reads: the race board and the club board read one page of an
 * index in the order they show, whatever the club's size. Checked on the plans PostgreSQL picks for
 * the very statements the services send (EXPLAIN ANALYZE), over a club of 3,000 after ANALYZE.
 */
const server = await startTestServer();
const { plansOf, explainedOf, genericPlansOf } = planRecorder(server);

const SIZE = 3000;
const PAGES = 300;
const PERIOD = monthKey(new Date());

/** The club's tables scanned whole (the one-row tables of this test database may be, cheaply). */
const BIG = ["users", "club_members", "meeting_rsvps", "reading_progress", "user_scores", "club_member_rankings"];
const seqScanned = (nodes: PlanNode[]) => seqScannedOf(nodes, BIG);

/** A club of SIZE members, a meeting most of them attend, progress of every kind, scores; analysed. */
async function bigClub() {
  const book = await catalogBook(server, { pageCount: PAGES });
  return server.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into users (email, username, display_name, password_hash)
      select 'big' || n || '@plans.example', 'big_' || n, 'Big ' || n,
        '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash'
      from generate_series(1, ${SIZE}::int) n`);
    await tx.execute(sql`create temp table big (n int, user_id uuid) on commit drop`);
    await tx.execute(sql`insert into big select substring(username from '[0-9]+$')::int, id from users
      where email like 'big%@plans.example'`);
    const [club] = await tx.execute<{ id: string }>(sql`
      insert into clubs (slug, name, category, is_online, owner_id, member_count, member_limit)
      select 'big-club', 'Big club', 'other', true, user_id, ${SIZE}, 10000 from big where n = 1 returning id`);
    const clubId = club?.id as string;
    await tx.execute(sql`insert into club_members (club_id, user_id, role)
      select ${clubId}, user_id, (case when n = 1 then 'owner' else 'member' end)::club_role from big`);
    const [meeting] = await tx
      .insert(meetings)
      .values({
        clubId,
        bookId: book.id,
        bookPageCount: PAGES,
        startsAt: sql`now() + interval '1 day'`,
        readingDeadline: sql`now() + interval '1 day'`,
        link: "https://meet.example.com",
        createdBy: sql`(select user_id from big where n = 1)`,
      })
      .returning();
    // A few report progress before they answer (as the bench seed loads them): their answer starts from it.
    const progress = (where: string) => `
      insert into reading_progress (meeting_id, user_id, page, finished_at)
      select '${meeting?.id}', user_id,
        case when n % 3 = 0 then ${PAGES} when n % 7 = 0 then 0 else n % ${PAGES - 1} + 1 end,
        case when n % 3 = 0 then now() - n * interval '1 second' end
      from big where ${where}`;
    await tx.execute(sql.raw(progress("n <= 30")));
    await tx.execute(sql`insert into meeting_rsvps (meeting_id, user_id, status)
      select ${meeting?.id}, user_id, (case when n % 10 = 0 then 'interested' else 'going' end)::rsvp_status from big`);
    await tx.execute(sql.raw(`${progress("n > 30 and n % 5 <> 4")}`));
    await tx.execute(sql`insert into user_scores (user_id, period, score) select user_id, ${PERIOD}, n % 50 from big`);
    // Many small meetings beside the big one, as on a real site: PostgreSQL then expects a meeting to have a few
    // progress rows, the estimate a plan made once for any meeting (a generic plan) goes by.
    await tx.execute(sql`
      with small as (
        insert into meetings (club_id, book_id, book_page_count, starts_at, reading_deadline, link, created_by)
        select ${clubId}, ${book.id}, ${PAGES}, now() + interval '1 day', now() + interval '1 day',
          'https://meet.example.com', user_id
        from big, generate_series(1, 1500) where n = 1 returning id)
      insert into reading_progress (meeting_id, user_id, page) select small.id, big.user_id, 1 from small, big where n <= 2`);
    return { clubId, meeting: meeting as Meeting };
  });
}

const { clubId, meeting } = await bigClub();
await refreshLeaderboards(server.db);
await server.db.execute(sql`analyze`);

/** The race board's order stated plainly: finishers by time, then most pages read, then id. */
async function expectedStandings() {
  const rows = await server.db.execute<{ user_id: string; page: number | null; finished_at: string | null }>(sql`
    select r.user_id, p.page, p.finished_at::text from meeting_rsvps r
    left join reading_progress p on p.meeting_id = r.meeting_id and p.user_id = r.user_id
    where r.meeting_id = ${meeting.id} and r.status = 'going'`);
  const at = (row: { finished_at: string | null }) => (row.finished_at ? new Date(row.finished_at).getTime() : null);
  return [...rows]
    .sort((a, b) => {
      const [fa, fb] = [at(a), at(b)];
      if (fa !== null || fb !== null)
        return fa === null ? 1 : fb === null ? -1 : fa - fb || a.user_id.localeCompare(b.user_id);
      return (b.page ?? 0) - (a.page ?? 0) || (a.user_id < b.user_id ? -1 : 1);
    })
    .map((row) => row.user_id);
}

describe("progress.forMeeting on a big meeting", () => {
  it("pages through every attendee in the board's order", async () => {
    const shown: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof meetingStandings>> = await meetingStandings(server.db, null, meeting, {
        cursor,
        limit: 500,
      });
      shown.push(...page.items.map((item) => item.user.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(shown).toEqual(await expectedStandings());
  });

  it("reads one page of the race index, first page and later ones, without sorting", async () => {
    // The first page, then pages among the finishers, the readers and those who have not started.
    const after = async (limit: number) => (await meetingStandings(server.db, null, meeting, { limit })).nextCursor;
    for (const cursor of [null, await after(50), await after(1500), await after(2600)]) {
      const read = (db: Executor) => meetingStandings(db, null, meeting, { cursor, limit: 50 });
      // The plan made for these values, and the one PostgreSQL may keep for any meeting after the first calls.
      for (const plans of [await plansOf(read), (await genericPlansOf(read)).map((statement) => statement.plan)]) {
        const board = plans.find((plan) => nodesOf(plan).some((node) => node["Relation Name"] === "meeting_rsvps"));
        const nodes = nodesOf(board as PlanNode);
        expect(nodes.map((node) => node["Index Name"])).toContain("meeting_rsvps_board_idx");
        expect(nodes.map((node) => node["Node Type"])).not.toContain("Sort");
        expect(seqScanned(nodes)).toEqual([]);
        // Each attendee shown is one lookup of its progress row.
        for (const node of nodes) expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(51);
      }
    }
  });
});

describe("bets.forMeeting on a big meeting", () => {
  const BACKED = 200;
  /** The horses in the pool's order, stated plainly: every going racer, most backed first, then by id (both descending). */
  async function expectedHorses() {
    const rows = await server.db.execute<{ user_id: string; backing: number; backers: number }>(sql`
      select r.user_id, coalesce(sum(b.stake), 0)::int as backing, count(b.id)::int as backers from meeting_rsvps r
      left join bets b on b.meeting_id = r.meeting_id and b.horse_id = r.user_id and b.status in ('open', 'won', 'lost')
      where r.meeting_id = ${meeting.id} and r.status = 'going' and r.racing
      group by r.user_id order by backing desc, r.user_id desc`);
    return rows.map((row) => [row.user_id, row.backing, row.backers]);
  }
  const pool = (cursor: string | null, limit = 50, db = server.db) =>
    betPool(db, meeting.createdBy, meeting, { cursor, limit });

  it("pages through every racer, most backed first, with the backing the bets add up to", async () => {
    // 600 members back 200 of the others; then a few bets are cancelled.
    await server.db.execute(sql`
      insert into bets (meeting_id, user_id, horse_id, stake)
      select ${meeting.id}, u.id, h.id, 1 + u.n % 40
      from (select id, substring(username from '[0-9]+$')::int as n from users where email like 'big%@plans.example') u
      join users h on h.username = 'big_' || (1 + u.n % ${BACKED}::int)
      where u.n <= 600`);
    await server.db.execute(sql`update bets set status = 'cancelled' where meeting_id = ${meeting.id} and stake = 7`);
    // Each bet rewrote its horse's answer row (the backing is indexed): vacuumed, so the index holds the live rows
    // only, as autovacuum would leave it, and the plan test below counts what a read visits, not dead entries.
    await server.db.execute(sql`vacuum (analyze) meeting_rsvps, bets`);
    const shown: unknown[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof pool>> = await pool(cursor, 500);
      shown.push(...page.horses.map((row) => [row.horse.id, row.stake, row.backers]));
      total = page.pool;
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await expectedHorses();
    expect(shown).toEqual(expected);
    expect(total).toBe(expected.reduce((sum, [, backing]) => sum + (backing as number), 0));
    expect(total).toBeGreaterThan(0);
  });

  it("reads one page of the pool index, first page and later ones, without sorting or adding up bets", async () => {
    const after = async (limit: number) => (await pool(null, limit)).nextCursor;
    for (const cursor of [null, await after(50), await after(1500)]) {
      expectPoolPlans(await explainedOf((db) => pool(cursor, 50, db)));
    }
  });

  it("holds a plan made once for any meeting that reads the pool index as well", async () => {
    // The pool's conditions are in its statements' text, so their generic plans can use the partial pool index,
    // and PostgreSQL need not plan them again on every call.
    const after = async (limit: number) => (await pool(null, limit)).nextCursor;
    for (const cursor of [null, await after(50), await after(1500)]) {
      expectPoolPlans(await genericPlansOf((db) => pool(cursor, 50, db)));
    }
  });

  it("finds horses by name among the meeting's racers in the pool's order, never scanning every member", async () => {
    // "big 12" (any case) names Big 12, Big 120-129 and Big 1200-1299: shown as the pool shows them.
    const named = await server.db.execute<{ id: string }>(
      sql`select id from users where display_name ilike '%big 12%' or username ilike '%big 12%'`,
    );
    const ids = new Set(named.map((row) => row.id));
    const racing = await expectedHorses();
    const expected = racing.filter(([id]) => ids.has(id as string));
    const search = (text: string, db = server.db) =>
      betPool(db, meeting.createdBy, meeting, { cursor: null, limit: 50, search: text });
    const found = await search("BIG 12");
    expect(found.horses.map((row) => [row.horse.id, row.stake, row.backers])).toEqual(expected.slice(0, 50));
    expect(expected.length).toBeGreaterThan(50);
    // A name found stops the read once the page is full; a name nobody has visits each racer once, and only them.
    const racers = racing.length;
    for (const [text, most] of [
      ["big 12", racers - 1],
      ["nobody by that name", racers],
    ] as const) {
      const statements = await explainedOf((db) => search(text, db));
      const horses = statements.find((statement) => /"named"/.test(statement.query))?.plan as PlanNode;
      expect(horses, "the horses' search").toBeDefined();
      const nodes = nodesOf(horses);
      expect(nodes.some((node) => node["Index Name"] === "meeting_rsvps_pool_idx")).toBe(true);
      expect(nodes.map((node) => node["Node Type"])).not.toContain("Sort");
      expect(seqScanned(nodes)).toEqual([]);
      const users = nodes.filter((node) => node["Relation Name"] === "users");
      expect(
        users.reduce((sum, node) => sum + node["Actual Loops"], 0),
        text,
      ).toBeLessThanOrEqual(most);
    }
  });

  function expectPoolPlans(statements: { query: string; plan: PlanNode }[]) {
    // The page is the statement that selects the horses' backers; the total's subquery reads the same index.
    const horses = statements.find((statement) =>
      /^select .*"meeting_rsvps"\."backers" from/.test(statement.query),
    )?.plan;
    const nodes = statements.flatMap((statement) => nodesOf(statement.plan));
    expect(horses, "the horses' page").toBeDefined();
    expect(
      nodesOf(horses as PlanNode).some((node) => node["Index Name"] === "meeting_rsvps_pool_idx"),
      "the horses' page reads the pool index",
    ).toBe(true);
    // (The caller's own bet is picked from their one or two rows with a sort; the horses never are.)
    expect(nodesOf(horses as PlanNode).map((node) => node["Node Type"])).not.toContain("Sort");
    expect(seqScanned(nodes)).toEqual([]);
    // The bets are read only for the caller's own bet; the total adds up the backed horses' kept figures.
    for (const node of nodes.filter((node) => node["Relation Name"] === "bets"))
      expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(1);
    for (const node of nodesOf(horses as PlanNode))
      expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(51);
    for (const node of nodes) expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(BACKED);
  }
});

describe("the club board of a big club", () => {
  it("ranks the members (1224) and reads a few rows of the club rankings index", async () => {
    const viewer = await server.db.execute<{ user_id: string }>(sql`
      select user_id from club_members m join users u on u.id = m.user_id
      where m.club_id = ${clubId} and u.username = 'big_1234'`);
    const me = { id: viewer[0]?.user_id as string, role: "user" as const };
    const input = { scope: "club" as const, clubId, period: "thisMonth" as const, limit: 50 };
    const board = await userLeaderboard(server.db, me, input);
    // Scores n % 50: 60 members share the best (49), so the first page is all rank 1; 34 has 15 × 60 above it.
    expect(board.items.slice(0, 3).map((entry) => [entry.rank, entry.score])).toEqual([
      [1, 49],
      [1, 49],
      [1, 49],
    ]);
    expect(board.items.at(-1)?.rank).toBe(1);
    expect(board.me).toEqual({ rank: 901, score: 34 });

    const plans = await plansOf((db) => userLeaderboard(db, me, input));
    // The ~55 rows shown are joined to their accounts: over this test's 3,000 accounts a hash join over a scan
    // of them is the cheaper plan (over the bench's 100,000 it is one index lookup each); the ranking is the point.
    const nodes = plans.flatMap(nodesOf).filter((node) => node["Relation Name"] !== "users");
    expect(nodes.map((node) => node["Index Name"])).toContain("club_member_rankings_club_period_rank_idx");
    // Nothing ranked on the spot; the one sort is of the few rows shown (every node's rows are bounded below).
    expect(nodes.map((node) => node["Node Type"])).not.toContain("WindowAgg");
    expect(seqScanned(nodes)).toEqual([]);
    for (const node of nodes) expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(60);
  });
});

describe("the global board for a member with no score yet", () => {
  it("places them just below everyone ranked, from the kept count, without counting the whole ranking", async () => {
    // Scores n % 50: big_50 has none, so is not ranked.
    const [viewer] = await server.db.execute<{ id: string }>(sql`select id from users where username = 'big_50'`);
    const me = { id: viewer?.id as string, role: "user" as const };
    const input = { scope: "global" as const, period: "thisMonth" as const, limit: 50 };
    const [ranked] = await server.db.execute<{ count: number }>(
      sql`select count(*)::int as count from user_rankings where period = ${PERIOD}`,
    );
    expect(ranked?.count).toBe(SIZE - SIZE / 50);
    const board = await userLeaderboard(server.db, me, input);
    expect(board.me).toEqual({ rank: (ranked?.count ?? 0) + 1, score: 0 });

    const plans = await plansOf((db) => userLeaderboard(db, me, input));
    const nodes = plans.flatMap(nodesOf).filter((node) => node["Relation Name"] !== "users");
    expect(nodes.map((node) => node["Relation Name"])).toContain("user_ranking_counts");
    expect(seqScannedOf(nodes, [...BIG, "user_rankings"])).toEqual([]);
    for (const node of nodes) expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(60);
  });
});

describe("meetings.get of a big meeting", () => {
  it("reads the kept answer counts, which follow answers given, changed and withdrawn", async () => {
    const counted = async () => {
      const [row] = await server.db.execute<{ going: number; interested: number; not_going: number }>(sql`
        select (count(*) filter (where status = 'going'))::int as going,
          (count(*) filter (where status = 'interested'))::int as interested,
          (count(*) filter (where status = 'not_going'))::int as not_going
        from meeting_rsvps where meeting_id = ${meeting.id}`);
      return row;
    };
    const summary = () => meetingSummary(server.db, meeting.createdBy, meeting, "owner");
    expect((await summary()).rsvpCounts).toEqual(await counted());
    // Changed in one statement each: some answers turn, attendance is recorded, some are withdrawn.
    await server.db.execute(sql`update meeting_rsvps set status = 'not_going'
      where meeting_id = ${meeting.id} and status = 'going' and user_id::text like 'a%'`);
    await server.db.execute(sql`update meeting_rsvps set attended = true where meeting_id = ${meeting.id}`);
    await server.db.execute(
      sql`delete from meeting_rsvps where meeting_id = ${meeting.id} and user_id::text like 'b%'`,
    );
    const after = await counted();
    expect(after?.not_going).toBeGreaterThan(0);
    expect((await summary()).rsvpCounts).toEqual(after);

    const plans = await plansOf((db) => meetingSummary(db, meeting.createdBy, meeting, "owner"));
    const nodes = plans.flatMap(nodesOf);
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Aggregate");
    for (const node of nodes) expect(node["Actual Rows"] * node["Actual Loops"]).toBeLessThanOrEqual(1);
  });
});
