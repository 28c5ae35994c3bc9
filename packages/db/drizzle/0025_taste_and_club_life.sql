ALTER TYPE "public"."notification_kind" ADD VALUE 'milestone_reminder';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'poll_opened';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'poll_closed';--> statement-breakpoint
CREATE TABLE "milestone_reminders" (
	"milestone_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_reminders_milestone_id_user_id_pk" PRIMARY KEY("milestone_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_milestone_id_reading_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."reading_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_book_halves_user_idx" ON "ratings" USING btree ("book_id","halves","user_id");