ALTER TABLE "clubs" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;