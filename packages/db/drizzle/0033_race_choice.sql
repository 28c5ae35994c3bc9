DROP INDEX "bets_one_per_meeting_idx";--> statement-breakpoint
ALTER TABLE "clubs" ADD COLUMN "betting_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rsvps" ADD COLUMN "racing" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rsvps" ADD COLUMN "board_standing" bigint GENERATED ALWAYS AS (case when racing then standing else 9000000000000001 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "meeting_rsvps_board_idx" ON "meeting_rsvps" USING btree ("meeting_id","board_standing","user_id") WHERE "meeting_rsvps"."status" = 'going';--> statement-breakpoint
CREATE UNIQUE INDEX "bets_one_per_meeting_idx" ON "bets" USING btree ("meeting_id","user_id") WHERE "bets"."status" not in ('cancelled', 'refunded');