import { clubMembers, clubRankings, clubScores, clubs, sql, userRankings, userScores, users } from "@booky/db";
import { clubScore } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";

/**
 * The scoring and ranking rules that the database applies (migration 0006:
 * the `user_rankings` and `club_rankings` materialized views), checked on the
 * views themselves: club score as `clubScore` states it, and competition
 * ranking ("1224": ties share a rank, the next rank skips the places shared).
 */
const server = await startTestServer();
/** A period no other row uses, so the views' rows for it are exactly the ones written here. */
const PERIOD = "2001-01";

/** `count` accounts, in one statement, in the order made (`tag_1` first). */
async function makeUsers(count: number, tag: string) {
  const made = await server.db.execute<{ id: string; n: number }>(sql`
    insert into ${users} (email, username, display_name, password_hash)
    select ${tag} || n || '@rankings.example', ${tag} || '_' || n, ${tag} || ' ' || n,
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash'
    from generate_series(1, ${count}::int) n
    returning id, substring(username from '[0-9]+$')::int as n`);
  return [...made].sort((a, b) => a.n - b.n).map((row) => ({ id: row.id }));
}

describe("the rankings views", () => {
  it("rank users by score, ties sharing a rank and the next one skipping (1224); no score, no rank", async () => {
    const people = await makeUsers(5, "ranked");
    const scores = [90, 80, 80, 70, 0];
    await server.db
      .insert(userScores)
      .values(people.map((person, i) => ({ userId: person.id, period: PERIOD, score: scores[i] ?? 0 })));
    await server.db.execute(sql`refresh materialized view ${userRankings}`);
    const rows = await server.db
      .select({ userId: userRankings.userId, rank: userRankings.rank })
      .from(userRankings)
      .where(sql`${userRankings.period} = ${PERIOD}`);
    const rankOf = new Map(rows.map((row) => [row.userId, row.rank]));
    expect(people.map((person) => rankOf.get(person.id) ?? null)).toEqual([1, 2, 2, 4, null]);
  });

  it("score clubs as clubScore does (points raised by the finishing rate, rounded down) and rank them alike", async () => {
    const cases = [
      { points: 100, finishers: 4, attendees: 4 },
      { points: 100, finishers: 1, attendees: 3 },
      { points: 100, finishers: 0, attendees: 4 },
      { points: 50, finishers: 1, attendees: 1 },
      { points: 7, finishers: 0, attendees: 0 },
      { points: 999, finishers: 5, attendees: 3 },
      { points: 1_000_000_000, finishers: 1, attendees: 3 },
    ];
    const [owner] = await makeUsers(1, "clubowner");
    if (!owner) throw new Error("no owner");
    const ids = await server.db.transaction(async (tx) => {
      const created = await tx
        .insert(clubs)
        .values(
          cases.map((_, i) => ({
            slug: `scored-${i}`,
            name: `Scored ${i}`,
            category: "other" as const,
            isOnline: true,
            ownerId: owner.id,
            memberCount: 1,
            memberLimit: 10,
          })),
        )
        .returning({ id: clubs.id });
      // The deferred owner key is checked at commit: each club's owner membership in the same transaction.
      await tx
        .insert(clubMembers)
        .values(created.map((club) => ({ clubId: club.id, userId: owner.id, role: "owner" as const })));
      return created.map((club) => club.id);
    });
    await server.db
      .insert(clubScores)
      .values(cases.map((scored, i) => ({ ...scored, clubId: ids[i] as string, period: PERIOD })));
    await server.db.execute(sql`refresh materialized view ${clubRankings}`);
    const rows = await server.db
      .select({ clubId: clubRankings.clubId, score: clubRankings.score, rank: clubRankings.rank })
      .from(clubRankings)
      .where(sql`${clubRankings.period} = ${PERIOD}`);
    const byClub = new Map(rows.map((row) => [row.clubId, row]));
    expect(ids.map((id) => byClub.get(id)?.score)).toEqual(cases.map((scored) => clubScore(scored)));
    // Scores 200, 133, 100, 100, 7, 1998, 1333333333.
    expect(ids.map((id) => byClub.get(id)?.rank)).toEqual([3, 4, 5, 5, 7, 2, 1]);
  });
});
