CREATE TYPE "public"."copy_availability" AS ENUM('keep', 'open_to_trade', 'open_to_lend');--> statement-breakpoint
CREATE TYPE "public"."copy_condition" AS ENUM('as_new', 'fine', 'very_good', 'good', 'fair', 'poor');--> statement-breakpoint
CREATE TYPE "public"."read_outcome" AS ENUM('read', 'did_not_finish');--> statement-breakpoint
CREATE TYPE "public"."reading_status" AS ENUM('want_to_read', 'reading', 'read', 'did_not_finish');--> statement-breakpoint
CREATE TYPE "public"."shelf_visibility" AS ENUM('public', 'friends', 'private');--> statement-breakpoint
CREATE TABLE "book_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"started_on" date,
	"finished_on" date,
	"outcome" "read_outcome",
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_reads_dates_ordered" CHECK ("book_reads"."finished_on" >= "book_reads"."started_on"),
	CONSTRAINT "book_reads_closed_has_finish" CHECK (("book_reads"."outcome" is null) = ("book_reads"."finished_on" is null))
);
--> statement-breakpoint
CREATE TABLE "copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"condition" "copy_condition" NOT NULL,
	"availability" "copy_availability" DEFAULT 'keep' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reader_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status_visibility" "shelf_visibility" DEFAULT 'friends' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shelf_books" (
	"shelf_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shelf_books_shelf_id_book_id_pk" PRIMARY KEY("shelf_id","book_id")
);
--> statement-breakpoint
CREATE TABLE "shelf_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"status" "reading_status" NOT NULL,
	"rating" smallint,
	"review" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shelf_entries_rating_range" CHECK ("shelf_entries"."rating" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "shelves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"visibility" "shelf_visibility" DEFAULT 'private' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "book_reads" ADD CONSTRAINT "book_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_reads" ADD CONSTRAINT "book_reads_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copies" ADD CONSTRAINT "copies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "copies" ADD CONSTRAINT "copies_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_settings" ADD CONSTRAINT "reader_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelf_books" ADD CONSTRAINT "shelf_books_shelf_id_shelves_id_fk" FOREIGN KEY ("shelf_id") REFERENCES "public"."shelves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelf_books" ADD CONSTRAINT "shelf_books_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelf_entries" ADD CONSTRAINT "shelf_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelf_entries" ADD CONSTRAINT "shelf_entries_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelves" ADD CONSTRAINT "shelves_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "book_reads_user_book_idx" ON "book_reads" USING btree ("user_id","book_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "book_reads_one_open_key" ON "book_reads" USING btree ("user_id","book_id") WHERE "book_reads"."outcome" is null;--> statement-breakpoint
CREATE INDEX "copies_owner_created_idx" ON "copies" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "copies_book_owner_idx" ON "copies" USING btree ("book_id","owner_id");--> statement-breakpoint
CREATE INDEX "shelf_books_shelf_added_idx" ON "shelf_books" USING btree ("shelf_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shelf_entries_user_book_key" ON "shelf_entries" USING btree ("user_id","book_id");--> statement-breakpoint
CREATE INDEX "shelf_entries_user_status_idx" ON "shelf_entries" USING btree ("user_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "shelf_entries_book_status_idx" ON "shelf_entries" USING btree ("book_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "shelves_name_per_member_key" ON "shelves" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "shelves_user_position_idx" ON "shelves" USING btree ("user_id","position","id");