CREATE TYPE "public"."review_summary_kind" AS ENUM('extractive', 'abstractive');--> statement-breakpoint
CREATE TABLE "book_neighbours" (
	"book_id" uuid NOT NULL,
	"neighbour_id" uuid NOT NULL,
	"score" real NOT NULL,
	"rank" smallint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_neighbours_book_id_neighbour_id_pk" PRIMARY KEY("book_id","neighbour_id"),
	CONSTRAINT "book_neighbours_not_self" CHECK ("book_neighbours"."book_id" <> "book_neighbours"."neighbour_id")
);
--> statement-breakpoint
CREATE TABLE "book_rating_stats" (
	"book_id" uuid PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"sum_halves" integer DEFAULT 0 NOT NULL,
	"histogram" integer[] DEFAULT '{0,0,0,0,0,0,0,0,0,0}'::integer[] NOT NULL,
	CONSTRAINT "book_rating_stats_count_non_negative" CHECK ("book_rating_stats"."count" >= 0),
	CONSTRAINT "book_rating_stats_histogram_ten" CHECK (cardinality("book_rating_stats"."histogram") = 10)
);
--> statement-breakpoint
CREATE TABLE "book_summaries" (
	"book_id" uuid PRIMARY KEY NOT NULL,
	"kind" "review_summary_kind" NOT NULL,
	"content" jsonb NOT NULL,
	"review_count" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"halves" smallint NOT NULL,
	"title" text,
	"body" text,
	"body_html" text,
	"body_text" text,
	"spoiler" boolean DEFAULT false NOT NULL,
	"started_on" date,
	"finished_on" date,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_halves_range" CHECK ("ratings"."halves" between 1 and 10),
	CONSTRAINT "ratings_read_dates_ordered" CHECK ("ratings"."finished_on" >= "ratings"."started_on"),
	CONSTRAINT "ratings_helpful_non_negative" CHECK ("ratings"."helpful_count" >= 0),
	CONSTRAINT "ratings_review_rendered" CHECK (("ratings"."body" is null) = ("ratings"."body_html" is null))
);
--> statement-breakpoint
CREATE TABLE "review_votes" (
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_votes_review_id_user_id_pk" PRIMARY KEY("review_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "book_neighbours" ADD CONSTRAINT "book_neighbours_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_neighbours" ADD CONSTRAINT "book_neighbours_neighbour_id_books_id_fk" FOREIGN KEY ("neighbour_id") REFERENCES "public"."books"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_rating_stats" ADD CONSTRAINT "book_rating_stats_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_summaries" ADD CONSTRAINT "book_summaries_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_votes" ADD CONSTRAINT "review_votes_review_id_ratings_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_votes" ADD CONSTRAINT "review_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "book_neighbours_book_rank_idx" ON "book_neighbours" USING btree ("book_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_user_book_key" ON "ratings" USING btree ("user_id","book_id");--> statement-breakpoint
CREATE INDEX "ratings_book_reviews_helpful_idx" ON "ratings" USING btree ("book_id","helpful_count","id") WHERE "ratings"."body" is not null;--> statement-breakpoint
CREATE INDEX "ratings_book_reviews_recent_idx" ON "ratings" USING btree ("book_id","created_at","id") WHERE "ratings"."body" is not null;--> statement-breakpoint
CREATE INDEX "ratings_user_recent_idx" ON "ratings" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "review_votes_user_idx" ON "review_votes" USING btree ("user_id");