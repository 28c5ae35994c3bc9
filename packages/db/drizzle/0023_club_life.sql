CREATE TYPE "public"."poll_kind" AS ENUM('ranked', 'approval');--> statement-breakpoint
CREATE TABLE "book_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"pitch" text NOT NULL,
	"pitch_html" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_proposals_one_per_club_key" UNIQUE("club_id","book_id")
);
--> statement-breakpoint
CREATE TABLE "poll_ballots" (
	"poll_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"choices" uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_ballots_poll_id_user_id_pk" PRIMARY KEY("poll_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "poll_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "poll_options_proposal_key" UNIQUE("poll_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" uuid NOT NULL,
	"kind" "poll_kind" NOT NULL,
	"created_by" uuid NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"hide_results" boolean DEFAULT false NOT NULL,
	"winner_option_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"until_page" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reading_milestones_page_key" UNIQUE("meeting_id","until_page"),
	CONSTRAINT "reading_milestones_page_range" CHECK ("reading_milestones"."until_page" between 1 and 100000)
);
--> statement-breakpoint
ALTER TABLE "book_proposals" ADD CONSTRAINT "book_proposals_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_proposals" ADD CONSTRAINT "book_proposals_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_proposals" ADD CONSTRAINT "book_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_proposal_id_book_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."book_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_milestones" ADD CONSTRAINT "reading_milestones_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "book_proposals_club_created_idx" ON "book_proposals" USING btree ("club_id","created_at","id");--> statement-breakpoint
CREATE INDEX "book_proposals_book_idx" ON "book_proposals" USING btree ("book_id");--> statement-breakpoint
CREATE INDEX "poll_ballots_user_idx" ON "poll_ballots" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "poll_options_proposal_idx" ON "poll_options" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "polls_club_created_idx" ON "polls" USING btree ("club_id","created_at","id");--> statement-breakpoint
CREATE INDEX "polls_open_closes_idx" ON "polls" USING btree ("closes_at") WHERE "polls"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "reading_milestones_due_idx" ON "reading_milestones" USING btree ("due_at");