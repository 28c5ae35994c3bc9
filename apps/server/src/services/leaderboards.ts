import {
  clubMemberRankings,
  clubRankings,
  clubs,
  type Executor,
  type SQL,
  sql,
  userRankingCounts,
  userRankings,
  userScores,
  users,
} from "@booky/db";
import { periodKey, type SiteRole } from "@booky/domain";

/** Recomputes the ranks (the `refresh-leaderboards` job; the demo seed, so its boards show at once). */
export async function refreshLeaderboards(db: Executor): Promise<void> {
  await db.execute(sql`refresh materialized view concurrently user_rankings`);
  await db.execute(sql`refresh materialized view concurrently user_ranking_counts`);
  await db.execute(sql`refresh materialized view concurrently club_rankings`);
  await db.execute(sql`refresh materialized view concurrently club_member_rankings`);
}

import { requireClub, requireClubContent } from "./club-access.js";
import { friendIdsOf } from "./friends.js";
import { definePager, pageRows } from "./pagination.js";
import { clubVisibleTo } from "./visibility.js";

/** Leaderboard pages are keyed by (rank, id). */
const usersPager = definePager({ list: "leaderboards.users", order: "asc", key: "int" });
const clubsPager = definePager({ list: "leaderboards.clubs", order: "asc", key: "int" });

type RankedRow = {
  part: "page" | "near" | "count";
  user_id: string | null;
  score: number;
  rank: number;
  username: string | null;
  display_name: string | null;
  avatar_url: string | null;
};

/** A ranked set to page through (see `rankedPage`). */
interface RankedSource {
  ranked: SQL;
  live: boolean;
  /** How many are ranked, when kept; else the set is counted. */
  count?: SQL;
}

/** How many places above and below the caller's own rank are shown. */
const NEIGHBOURS = 2;

/**
 * One page of a ranked set (a query giving `user_id`, `score` and competition
 * `rank`), plus the caller's own place and neighbours even when far from this
 * page, in one statement. Someone who has earned nothing yet stands just below
 * everyone who has, next to the last ranked: `count` says how many are
 * ranked (the kept count for the global board), else the set is counted.
 *
 * `live: false` is for an indexed relation (the global or club rankings view): the set
 * is inlined into each part, so every part is an index scan that reads a few
 * rows. `live: true` is for a ranking computed on the spot over a few people
 * (friends): it is computed once and the parts read that.
 */
async function rankedPage(
  run: (query: SQL) => Promise<RankedRow[]>,
  source: RankedSource,
  me: string,
  page: { cursor?: string | null; limit: number },
) {
  const after = usersPager.after(page.cursor, { key: sql.raw("rank"), id: sql.raw("user_id") });
  const rows = await run(sql`
    with ranked as ${source.live ? sql`materialized` : sql`not materialized`} (${source.ranked}),
    mine as materialized (select user_id, score, rank from ranked where user_id = ${me}::uuid limit 1),
    page as (
      select user_id, score, rank from ranked
      ${after ? sql`where ${after}` : sql``}
      order by rank, user_id limit ${page.limit + 1}),
    near as (
      (select above.* from mine m cross join lateral (select user_id, score, rank from ranked r
        where (r.rank, r.user_id) < (m.rank, m.user_id) order by r.rank desc, r.user_id desc limit ${NEIGHBOURS}) above)
      union all (select * from mine)
      union all (select below.* from mine m cross join lateral (select user_id, score, rank from ranked r
        where (r.rank, r.user_id) > (m.rank, m.user_id) order by r.rank, r.user_id limit ${NEIGHBOURS}) below)
      union all (select user_id, score, rank from ranked where not exists (select 1 from mine)
        order by rank desc, user_id desc limit ${NEIGHBOURS})),
    shown as (select 'page' as part, * from page union all select 'near', * from near)
    select s.part, s.user_id, s.score, s.rank, u.username, u.display_name, u.avatar_url
      from shown s join ${users} u on u.id = s.user_id
    union all
    -- Only when the caller is not ranked: the count is then never started (nor its parallel workers).
    select 'count', null, 0, (coalesce((${source.count ?? sql`select count(*) from ranked`}), 0) + 1)::int,
      null, null, null
      where not exists (select 1 from mine)
    order by part, rank, user_id`);
  const toEntry = (row: RankedRow) => ({
    rank: row.rank,
    score: row.score,
    user: {
      id: row.user_id as string,
      username: row.username as string,
      displayName: row.display_name as string,
      avatarUrl: row.avatar_url,
    },
  });
  const pageRows = rows.filter((row) => row.part === "page");
  const items = pageRows.slice(0, page.limit).map(toEntry);
  const last = items.at(-1);
  const near = rows.filter((row) => row.part === "near");
  const mine = near.find((row) => row.user_id === me);
  const unrankedAt = rows.find((row) => row.part === "count")?.rank ?? 1;
  return {
    items,
    nextCursor: pageRows.length > page.limit && last ? usersPager.encode({ key: last.rank, id: last.user.id }) : null,
    me: mine ? { rank: mine.rank, score: mine.score } : { rank: unrankedAt, score: 0 },
    neighbours: near.map(toEntry),
  };
}

type Period = "allTime" | "thisMonth";

/**
 * Users by score (see README: points earned). Global and club ranks come
 * from materialized views refreshed seconds after scores change; friends'
 * ranks are computed live over those few people. A private club's
 * board is for its members (and site admins) only.
 */
export async function userLeaderboard(
  db: Executor,
  viewer: { id: string; role: SiteRole },
  input: {
    scope: "global" | "club" | "friends";
    clubId?: string;
    period: Period;
    cursor?: string | null;
    limit: number;
  },
) {
  const period = periodKey(input.period, new Date());
  let ranked: RankedSource;
  if (input.scope === "global") {
    ranked = {
      ranked: sql`select user_id, score, rank from ${userRankings} where period = ${period}`,
      live: false,
      // The whole site's ranking is too long to count per call: the kept count is one row.
      count: sql`select ${userRankingCounts.ranked} from ${userRankingCounts} where ${userRankingCounts.period} = ${period}`,
    };
  } else if (input.scope === "club") {
    const found = await requireClub(db, input.clubId as string, viewer.id);
    requireClubContent(found.club, found.role, viewer.role, "Join this club to see its leaderboard");
    // Ranked with the global view (it may lag by seconds): a page is one index range at any club size.
    ranked = {
      ranked: sql`select user_id, score, rank from ${clubMemberRankings}
        where club_id = ${found.club.id} and period = ${period}`,
      live: false,
    };
  } else {
    ranked = {
      // One index-only lookup per friend (the limit keeps it one), so the cost follows the
      // number of friends, not the number of scored people on the site.
      ranked: sql`select p.user_id, s.score, (rank() over (order by s.score desc))::int as rank
        from (select ${viewer.id}::uuid union all ${friendIdsOf(viewer.id)}) as p(user_id)
        cross join lateral (select ${userScores.score} as score from ${userScores}
          where ${userScores.period} = ${period} and ${userScores.userId} = p.user_id and ${userScores.score} > 0
          limit 1) s`,
      live: true,
    };
  }
  return rankedPage((query) => db.execute<RankedRow>(query), ranked, viewer.id, input);
}

/** Clubs by club score (see README), public clubs and the caller's own. */
export async function clubLeaderboard(
  db: Executor,
  userId: string,
  input: { period: Period; cursor?: string | null; limit: number },
) {
  const period = periodKey(input.period, new Date());
  const query = db
    .select({
      rank: clubRankings.rank,
      score: clubRankings.score,
      club: { id: clubs.id, name: clubs.name, slug: clubs.slug, memberCount: clubs.memberCount },
    })
    .from(clubRankings)
    .innerJoin(clubs, sql`${clubs.id} = ${clubRankings.clubId}`)
    .$dynamic();
  const sort = { key: clubRankings.rank, id: clubRankings.clubId };
  const visible = sql`${clubRankings.period} = ${period} and ${clubVisibleTo(userId)}`;
  const rows = await pageRows(query, clubsPager, sort, input, visible);
  return clubsPager.page(rows, input.limit, (row) => ({ key: row.rank, id: row.club.id }));
}
