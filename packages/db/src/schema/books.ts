import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, momentAt, updatedAt } from "./columns.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The shared catalog. `isbn13` is unique where known (ISBN-10s are converted
 * before they get here); `google_volume_id` links a row to the Books API
 * volume it was imported from. `authors_search` is the domain's normalised
 * form of the authors (see `authorsSearchText`), so search ignores accents
 * and case. `books_join_words` is an immutable array_to_string defined by
 * the migration (a generated column may only call immutable functions). A
 * trigram index on `trigram_text` (typo tolerance) is created by the
 * migration only where pg_trgm is available.
 */
export const books = pgTable(
  "books",
  {
    id: id(),
    isbn13: text("isbn13"),
    googleVolumeId: text("google_volume_id"),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    authors: text("authors").array().notNull().default(sql`'{}'::text[]`),
    authorsSearch: text("authors_search").notNull().default(""),
    publisher: text("publisher"),
    /** As the source gives it: a year, a year-month or a full date. */
    publishedDate: text("published_date"),
    pageCount: integer("page_count"),
    language: text("language"),
    coverUrl: text("cover_url"),
    description: text("description"),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce("title", '') || ' ' || coalesce("subtitle", '')), 'A') ||
          setweight(to_tsvector('english', "authors_search"), 'B') ||
          setweight(to_tsvector('english', coalesce("description", '')), 'C') ||
          setweight(to_tsvector('english', books_join_words("subjects")), 'D')`,
      ),
    trigramText: text("trigram_text").notNull().generatedAlwaysAs(sql`lower("title") || ' ' || "authors_search"`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("books_isbn13_key").on(t.isbn13),
    uniqueIndex("books_google_volume_id_key").on(t.googleVolumeId),
    check("books_isbn13_format", sql`${t.isbn13} ~ '^97[89][0-9]{10}$'`),
    check("books_page_count_positive", sql`${t.pageCount} between 1 and 100000`),
    check("books_title_not_blank", sql`length(trim(${t.title})) > 0`),
    index("books_search_vector_idx").using("gin", t.searchVector),
    index("books_title_id_idx").on(t.title, t.id),
  ],
);

/** Books API answers to a search (one page of one query), kept until `expires_at`: volume ids in order. */
export const googleBooksQueries = pgTable(
  "google_books_queries",
  {
    queryKey: text("query_key").primaryKey(),
    volumeIds: text("volume_ids").array().notNull(),
    totalItems: integer("total_items").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: momentAt("expires_at").notNull(),
  },
  (t) => [index("google_books_queries_expires_idx").on(t.expiresAt)],
);

/** Books API volumes as validated and mapped by the server (not raw payloads), kept until `expires_at`. */
export const googleBooksVolumes = pgTable(
  "google_books_volumes",
  {
    volumeId: text("volume_id").primaryKey(),
    data: jsonb("data").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: momentAt("expires_at").notNull(),
  },
  (t) => [index("google_books_volumes_expires_idx").on(t.expiresAt)],
);

export type Book = typeof books.$inferSelect;
export type NewBook = typeof books.$inferInsert;
