CREATE TABLE "site_totals" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "trade_proposals_fulfilled_idx" ON "trade_proposals" USING btree ("fulfilled_at") WHERE "trade_proposals"."fulfilled_at" is not null;