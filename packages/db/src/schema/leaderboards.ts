import { sql } from "drizzle-orm";
import { check, index, integer, pgMaterializedView, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { clubs } from "./clubs.js";
import { reference } from "./columns.js";

/**
 * Scores per period (`all` or `YYYY-MM`), kept by a trigger on the ledger
 * (users) and by settlement (clubs' finishers and attendees).
 */
export const userScores = pgTable(
  "user_scores",
  {
    userId: reference("user_id", () => users.id),
    period: text("period").notNull(),
    score: integer("score").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.userId] }),
    index("user_scores_period_score_idx").on(t.period, t.score.desc(), t.userId),
    // A person's score without touching the table: club and friends boards look up each member's (index-only).
    index("user_scores_period_user_score_idx").on(t.period, t.userId, t.score),
    check("user_scores_period_format", sql`${t.period} = 'all' or ${t.period} ~ '^[0-9]{4}-[0-9]{2}$'`),
  ],
);

export const clubScores = pgTable(
  "club_scores",
  {
    clubId: reference("club_id", () => clubs.id),
    period: text("period").notNull(),
    points: integer("points").notNull().default(0),
    finishers: integer("finishers").notNull().default(0),
    attendees: integer("attendees").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.clubId] }),
    check("club_scores_period_format", sql`${t.period} = 'all' or ${t.period} ~ '^[0-9]{4}-[0-9]{2}$'`),
  ],
);

/**
 * Ranks (competition ranking, score > 0 only) per period, refreshed
 * concurrently by the `refresh-leaderboards` job: leaderboards may lag writes
 * by seconds. Created in migrations 0006, 0019 and 0035 by hand (drizzle-kit does not manage them).
 */
const ranked = () => ({
  period: text("period").notNull(),
  score: integer("score").notNull(),
  rank: integer("rank").notNull(),
});

export const userRankings = pgMaterializedView("user_rankings", {
  ...ranked(),
  userId: uuid("user_id").notNull(),
}).existing();

/** How many are ranked per period (migration 0035), refreshed right after `user_rankings`. */
export const userRankingCounts = pgMaterializedView("user_ranking_counts", {
  period: text("period").notNull(),
  ranked: integer("ranked").notNull(),
}).existing();

export const clubRankings = pgMaterializedView("club_rankings", {
  ...ranked(),
  clubId: uuid("club_id").notNull(),
}).existing();

/**
 * Each club's members ranked among themselves (same rule, per club and period), refreshed with the
 * others: a club board reads one page of it instead of ranking up to 10,000 members per call.
 */
export const clubMemberRankings = pgMaterializedView("club_member_rankings", {
  ...ranked(),
  clubId: uuid("club_id").notNull(),
  userId: uuid("user_id").notNull(),
}).existing();
