-- How many are ranked in each period, refreshed right after user_rankings: a caller with no score yet stands just
-- below the last ranked, and their place is then one row read here instead of a count of the whole ranking.
CREATE MATERIALIZED VIEW "user_ranking_counts" AS
  SELECT period, count(*)::int AS ranked FROM user_rankings GROUP BY period;--> statement-breakpoint
CREATE UNIQUE INDEX "user_ranking_counts_period_idx" ON "user_ranking_counts" (period);
