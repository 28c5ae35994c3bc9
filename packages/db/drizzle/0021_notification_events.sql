ALTER TYPE "public"."notification_kind" ADD VALUE 'meeting_reminder';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'friend_finished';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'trade_proposed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'trade_accepted';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'trade_declined';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'trade_countered';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'trade_expired';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'loan_due';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'loan_returned';--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "meetings_reminder_due_idx" ON "meetings" USING btree ("starts_at") WHERE "meetings"."status" = 'scheduled' and "meetings"."reminded_at" is null;