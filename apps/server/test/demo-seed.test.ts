import { DEMO_PASSWORD, demoMembers, demoUsers, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { seedDemoCommunity } from "../src/demo/community.js";
import { startTestServer } from "./harness.js";
import { expectLedgerConsistent } from "./race-support.js";

const server = await startTestServer();

/** Every row of every table Booky writes, counted and fingerprinted (ids and times included). */
async function snapshot() {
  const tables = await server.db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const result: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await server.db.execute<{ rows: number; digest: string | null }>(
      sql.raw(
        `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from "${table_name}" t`,
      ),
    );
    result[table_name] = `${row?.rows}:${row?.digest}`;
  }
  return result;
}

describe("the demo seed", () => {
  it("is idempotent: a second run (even on a later day) leaves exactly the same rows", async () => {
    const first = await seedDemoCommunity(server.db, { publicUrl: "http://booky.test" });
    expect(first.community).toBe(true);
    const before = await snapshot();
    const second = await seedDemoCommunity(server.db, {
      publicUrl: "http://booky.test",
      now: new Date(Date.now() + 3 * 86_400_000),
    });
    expect(second).toEqual({ users: 0, books: 0, community: false });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the ledger consistent: every balance is the sum of its entries", async () => {
    await expectLedgerConsistent(server);
    const kinds = await server.db.execute<{ kind: string }>(
      sql`select distinct kind::text from point_ledger order by 1`,
    );
    expect(kinds.map((row) => row.kind)).toEqual(
      expect.arrayContaining(["grant", "stake", "payout", "finish_reward", "attendance_reward"]),
    );
  });

  it("has a settled past meeting, a race under way with open bets, and leaderboards with ties", async () => {
    const meetings = await server.db.execute<{ status: string; settled: boolean; future: boolean; bets: number }>(sql`
      select m.status::text, exists (select 1 from meeting_settlements s where s.meeting_id = m.id) as settled,
             m.starts_at > now() as future,
             (select count(*)::int from bets b where b.meeting_id = m.id and b.status = 'open') as bets
        from meetings m`);
    expect(meetings.filter((m) => m.status === "closed" && m.settled && !m.future)).toHaveLength(2);
    expect(meetings.filter((m) => m.status === "scheduled" && m.future && m.bets > 0).length).toBeGreaterThanOrEqual(2);
    await server.db.execute(sql`refresh materialized view user_rankings`);
    const ties = await server.db.execute<{ rank: number }>(sql`
      select rank from user_rankings where period = 'all' group by rank having count(*) > 1`);
    expect(ties.length).toBeGreaterThan(0);
  });

  it("gives every demo account clubs, a race to read and points; the community has avatars and bios", async () => {
    for (const { username } of demoUsers) {
      const client = server.client();
      const session = await client.trpc.auth.logIn.mutate({
        email: `${username}@booky.example`,
        password: DEMO_PASSWORD,
      });
      client.accessToken = session.accessToken;
      const [race] = await server.db.execute<{ clubs: number; reading: number }>(sql`
        select (select count(*)::int from club_members where user_id = ${session.user.id}) as clubs,
               (select count(*)::int from reading_progress p join meetings m on m.id = p.meeting_id
                 where p.user_id = ${session.user.id} and m.status = 'scheduled') as reading`);
      expect(race?.clubs, username).toBeGreaterThanOrEqual(2);
      expect(race?.reading, username).toBeGreaterThanOrEqual(1);
      expect((await client.trpc.points.balance.query()).balance, username).toBeGreaterThan(0);
    }
    const people = await server.db.execute<{ bare: number }>(sql`
      select count(*)::int as bare from users where avatar_url is null or bio = ''`);
    expect(people[0]?.bare).toBe(0);
    const [everyone] = await server.db.execute<{ count: number }>(sql`select count(*)::int as count from users`);
    expect(everyone?.count).toBe(demoUsers.length + demoMembers.length);
  });

  it("has threads with spoilers, shelves, copies, a pending trade and a loan", async () => {
    const [made] = await server.db.execute<Record<string, number>>(sql`
      select (select count(*)::int from discussion_threads) as threads,
             (select count(*)::int from discussion_comments where page is not null) as "spoilerComments",
             (select count(*)::int from shelves) as shelves,
             (select count(*)::int from shelf_entries) as statuses,
             (select count(*)::int from copies) as copies,
             (select count(*)::int from trade_proposals where status = 'pending') as "pendingTrades",
             (select count(*)::int from loans) as loans`);
    expect(made).toEqual({
      threads: 2,
      spoilerComments: 2,
      shelves: 4,
      statuses: 11,
      copies: 3,
      pendingTrades: 1,
      loans: 1,
    });
    // As chiara sees it: the trade waits for her answer.
    const client = server.client();
    const session = await client.trpc.auth.logIn.mutate({ email: "chiara@booky.example", password: DEMO_PASSWORD });
    client.accessToken = session.accessToken;
    const trades = await client.trpc.trades.list.query({});
    expect(trades.items.map((trade) => trade.status)).toContain("pending");
  });
});
