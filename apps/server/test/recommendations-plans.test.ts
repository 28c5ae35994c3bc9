import { sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { clubsForMe } from "../src/services/recommendations-clubs.js";
import { readersLikeMe } from "../src/services/recommendations-readers.js";
import { startTestServer } from "./harness.js";
import { nodesOf, planRecorder, seqScanned } from "./plans-support.js";

/**
 * "Readers like you" and "clubs for you" are index reads however many members rate: checked on the plans
 * PostgreSQL picks for the statements the services send (EXPLAIN ANALYZE), over 3,000 members who rated
 * 60,000 times and shelved 30,000 books, 3,000 clubs of three with 6,000 meetings, after ANALYZE.
 */
const server = await startTestServer();
const { plansOf } = planRecorder(server);

const MEMBERS = 3000;
const BOOKS = 600;
const CLUBS = 3000;
const BIG = ["ratings", "shelf_entries", "meetings", "club_members", "clubs", "friendships", "reader_settings"];

async function seed() {
  await server.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into users (email, username, display_name, password_hash)
      select 'taste' || n || '@plans.example', 'taste_' || n, 'Taste ' || n,
        '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash'
      from generate_series(1, ${MEMBERS}::int) n`);
    await tx.execute(sql`create temp table taster (n int, user_id uuid) on commit drop`);
    await tx.execute(sql`insert into taster select substring(username from '[0-9]+$')::int, id from users
      where email like 'taste%@plans.example'`);
    await tx.execute(sql`insert into books (title) select 'Taste book ' || b from generate_series(1, ${BOOKS}::int) b`);
    await tx.execute(sql`create temp table shelf (b int, book_id uuid) on commit drop`);
    await tx.execute(sql`insert into shelf select substring(title from '[0-9]+$')::int, id from books
      where title like 'Taste book %'`);
    // Each member rates 20 books and shelves 10 as read, spread so that tastes overlap unevenly.
    await tx.execute(sql`insert into ratings (user_id, book_id, halves)
      select t.user_id, s.book_id, ((t.n + k) % 10) + 1 from taster t, generate_series(0, 19) k
      join shelf s on true where s.b = ((t.n * 7 + k * 31) % ${BOOKS}) + 1
      on conflict do nothing`);
    await tx.execute(sql`insert into shelf_entries (user_id, book_id, status)
      select t.user_id, s.book_id, 'read' from taster t, generate_series(0, 9) k
      join shelf s on true where s.b = ((t.n * 11 + k * 17) % ${BOOKS}) + 1
      on conflict do nothing`);
    await tx.execute(sql`insert into reader_settings (user_id, status_visibility)
      select user_id, (case when n % 2 = 0 then 'public' else 'friends' end)::shelf_visibility from taster`);
    await tx.execute(sql`insert into friendships (user_a, user_b)
      select least(a.user_id, b.user_id), greatest(a.user_id, b.user_id) from taster a
      join taster b on b.n = a.n + 1 where a.n % 2 = 1`);
    await tx.execute(sql`insert into clubs (slug, name, category, is_online, owner_id, member_count)
      select 'taste-club-' || t.n, 'Taste club ' || t.n, 'fiction', true, t.user_id, 1 from taster t
      where t.n <= ${CLUBS}`);
    await tx.execute(sql`insert into club_members (club_id, user_id, role)
      select c.id, c.owner_id, 'owner' from clubs c where c.slug like 'taste-club-%'`);
    // Two more members in each club (never the viewer, taste_1): the owners of the next two.
    await tx.execute(sql`insert into club_members (club_id, user_id)
      select c.id, t.user_id from clubs c, generate_series(1, 2) k
      join taster t on true
      where c.slug like 'taste-club-%' and t.n = ((substring(c.slug from '[0-9]+$')::int + k - 1) % ${MEMBERS}) + 1
        and t.n <> 1`);
    await tx.execute(sql`update clubs set member_count = (select count(*) from club_members m where m.club_id = clubs.id)
      where slug like 'taste-club-%'`);
    await tx.execute(sql`insert into meetings (club_id, book_id, book_page_count, starts_at, reading_deadline, link,
        created_by)
      select c.id, s.book_id, 250, now() + interval '7 days', now() + interval '7 days', 'https://meet.example.com',
        c.owner_id
      from clubs c, generate_series(0, 1) k
      join shelf s on true
      where c.slug like 'taste-club-%'
        and s.b = ((substring(c.slug from '[0-9]+$')::int * 13 + k * 101) % ${BOOKS}) + 1`);
  });
  // Vacuumed as autovacuum would have by then: the visibility map lets a covering index answer alone.
  await server.db.execute(sql`vacuum analyze`);
  const [viewer] = await server.db.execute<{ id: string }>(sql`select id from users where username = 'taste_1'`);
  return viewer?.id as string;
}

const viewerId = await seed();

describe("reads of taste on a big community", () => {
  it("readers like you: who liked the member's books is an index-only read of the ratings' book index", async () => {
    const answer = await readersLikeMe(server.db, viewerId, { limit: 10 });
    expect(answer.items.length).toBeGreaterThan(0);
    const nodes = (await plansOf((db) => readersLikeMe(db, viewerId, { limit: 10 }))).flatMap(nodesOf);
    const byBook = nodes.filter((node) => node["Index Name"] === "ratings_book_halves_user_idx");
    expect(byBook.map((node) => node["Node Type"])).toEqual(["Index Only Scan"]);
    expect(nodes.map((node) => node["Index Name"])).toContain("shelf_entries_book_status_idx");
    expect(seqScanned(nodes, BIG)).toEqual([]);
  });

  it("clubs for you: the clubs reading the member's books by the meetings' book index, friends' clubs by members", async () => {
    const answer = await clubsForMe(server.db, viewerId, { limit: 10 });
    expect(answer.items.length).toBeGreaterThan(0);
    const nodes = (await plansOf((db) => clubsForMe(db, viewerId, { limit: 10 }))).flatMap(nodesOf);
    expect(nodes.map((node) => node["Index Name"])).toContain("meetings_book_idx");
    expect(nodes.map((node) => node["Index Name"])).toContain("club_members_user_id_idx");
    // The ~220 meetings found are joined to their clubs: over this test's 3,000 clubs a hash join over a scan of
    // them is the cheaper plan (over many more, one index lookup each); finding the meetings is the point.
    expect(
      seqScanned(
        nodes,
        BIG.filter((table) => table !== "clubs"),
      ),
    ).toEqual([]);
  });
});
