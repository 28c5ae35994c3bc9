-- Generated columns may only call immutable functions; array_to_string is only stable (it must handle any array type).
CREATE FUNCTION "books_join_words"(words text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_to_string(words, ' ');--> statement-breakpoint
CREATE TABLE "books" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"isbn13" text,
	"google_volume_id" text,
	"title" text NOT NULL,
	"subtitle" text,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"authors_search" text DEFAULT '' NOT NULL,
	"publisher" text,
	"published_date" text,
	"page_count" integer,
	"language" text,
	"cover_url" text,
	"description" text,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '') || ' ' || coalesce("subtitle", '')), 'A') ||
          setweight(to_tsvector('english', "authors_search"), 'B') ||
          setweight(to_tsvector('english', coalesce("description", '')), 'C') ||
          setweight(to_tsvector('english', books_join_words("subjects")), 'D')) STORED NOT NULL,
	"trigram_text" text GENERATED ALWAYS AS (lower("title") || ' ' || "authors_search") STORED NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "books_isbn13_format" CHECK ("books"."isbn13" ~ '^97[89][0-9]{10}$'),
	CONSTRAINT "books_page_count_positive" CHECK ("books"."page_count" between 1 and 100000),
	CONSTRAINT "books_title_not_blank" CHECK (length(trim("books"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "google_books_queries" (
	"query_key" text PRIMARY KEY NOT NULL,
	"volume_ids" text[] NOT NULL,
	"total_items" integer NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "google_books_volumes" (
	"volume_id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "book_id" uuid;--> statement-breakpoint
-- Meetings named their book in free text: each distinct title becomes one catalog row (with the page count most
-- meetings gave it; every meeting keeps its own), and the meetings point at it.
INSERT INTO "books" ("title", "page_count")
  SELECT trim("book_title"), mode() WITHIN GROUP (ORDER BY "book_page_count")
  FROM "meetings" GROUP BY trim("book_title");--> statement-breakpoint
UPDATE "meetings" SET "book_id" = "books"."id"
  FROM "books" WHERE "books"."title" = trim("meetings"."book_title") AND "books"."isbn13" IS NULL;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "book_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "books_isbn13_key" ON "books" USING btree ("isbn13");--> statement-breakpoint
CREATE UNIQUE INDEX "books_google_volume_id_key" ON "books" USING btree ("google_volume_id");--> statement-breakpoint
CREATE INDEX "books_search_vector_idx" ON "books" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "books_title_id_idx" ON "books" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "google_books_queries_expires_idx" ON "google_books_queries" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "google_books_volumes_expires_idx" ON "google_books_volumes" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_book_idx" ON "meetings" USING btree ("book_id");--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "book_title";--> statement-breakpoint
-- Typo tolerance where the server has pg_trgm (a trusted extension since PostgreSQL 13, shipped by both the
-- embedded and the Debian PostgreSQL); without it search falls back to full-text only (see the books service).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is unavailable (%): book search works without typo tolerance', SQLERRM;
END
$$;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS "books_trigram_idx" ON "books" USING gin ("trigram_text" gin_trgm_ops)';
  END IF;
END
$$;
