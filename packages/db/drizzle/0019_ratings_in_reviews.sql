-- Ratings and reviews live once, in the reviews domain's "ratings": imported ones (kept on shelf entries until
-- now, in quarter stars) move there, to the nearest half star; the imported text is plain text (html-to-text), so
-- its HTML is that text escaped, one paragraph. A member's own rating in "ratings" wins over an imported one.
INSERT INTO "ratings" ("user_id", "book_id", "halves", "body", "body_html", "body_text", "created_at", "updated_at")
SELECT e."user_id", e."book_id", greatest(1, round(e."rating" / 2.0))::smallint, e."review",
	CASE WHEN e."review" IS NULL THEN NULL ELSE
		'<p>' || replace(replace(replace(replace(e."review", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') || '</p>'
	END,
	e."review", e."created_at", e."updated_at"
FROM "shelf_entries" e
WHERE e."rating" IS NOT NULL
ON CONFLICT ("user_id", "book_id") DO NOTHING;--> statement-breakpoint
-- Every book's aggregate recounted from its ratings (exact, whatever was there).
INSERT INTO "book_rating_stats" ("book_id", "count", "sum_halves", "histogram")
SELECT r."book_id", count(*)::integer, sum(r."halves")::integer,
	array(SELECT count(*) FILTER (WHERE r2."halves" = step)::integer
		FROM generate_series(1, 10) AS step, "ratings" r2 WHERE r2."book_id" = r."book_id" GROUP BY step ORDER BY step)
FROM "ratings" r
GROUP BY r."book_id"
ON CONFLICT ("book_id") DO UPDATE SET "count" = excluded."count", "sum_halves" = excluded."sum_halves",
	"histogram" = excluded."histogram";--> statement-breakpoint
ALTER TABLE "shelf_entries" DROP CONSTRAINT "shelf_entries_rating_range";--> statement-breakpoint
ALTER TABLE "shelf_entries" DROP COLUMN "rating";--> statement-breakpoint
ALTER TABLE "shelf_entries" DROP COLUMN "review";
