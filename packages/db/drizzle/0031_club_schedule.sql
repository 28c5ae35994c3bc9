ALTER TYPE "public"."notification_kind" ADD VALUE 'meeting_time_picked' BEFORE 'webhook_disabled';--> statement-breakpoint
CREATE TABLE "finish_reminders" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finish_reminders_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_date_polls" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid NOT NULL,
	"picked_option_id" uuid,
	"picked_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_time_marks" (
	"option_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_time_marks_option_id_user_id_pk" PRIMARY KEY("option_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_time_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_time_options_time_key" UNIQUE("meeting_id","starts_at")
);
--> statement-breakpoint
ALTER TABLE "reading_milestones" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
ALTER TABLE "finish_reminders" ADD CONSTRAINT "finish_reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finish_reminders" ADD CONSTRAINT "finish_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_date_polls" ADD CONSTRAINT "meeting_date_polls_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_date_polls" ADD CONSTRAINT "meeting_date_polls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_time_marks" ADD CONSTRAINT "meeting_time_marks_option_id_meeting_time_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."meeting_time_options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_time_marks" ADD CONSTRAINT "meeting_time_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_time_options" ADD CONSTRAINT "meeting_time_options_meeting_id_meeting_date_polls_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting_date_polls"("meeting_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_time_marks_user_idx" ON "meeting_time_marks" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "reading_milestones" ADD CONSTRAINT "reading_milestones_thread_id_discussion_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."discussion_threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_milestones" ADD CONSTRAINT "reading_milestones_thread_key" UNIQUE("thread_id");