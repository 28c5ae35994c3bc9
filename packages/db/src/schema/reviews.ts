import { REVIEW_SUMMARY_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { books } from "./books.js";
import { createdAt, id, reference } from "./columns.js";
import { constraint } from "./constraints.js";

/**
 * One rating per member and book, in half-stars (1–10), with an optional
 * review: its Markdown source, the sanitized HTML shown and the plain text the
 * summaries quote. `helpful_count` is kept by the vote service in the vote's
 * transaction, so the "most helpful" order is an index scan.
 */
export const ratings = pgTable(
  "ratings",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    bookId: reference("book_id", () => books.id, "cascade"),
    halves: smallint("halves").notNull(),
    title: text("title"),
    body: text("body"),
    bodyHtml: text("body_html"),
    bodyText: text("body_text"),
    spoiler: boolean("spoiler").notNull().default(false),
    startedOn: date("started_on"),
    finishedOn: date("finished_on"),
    helpfulCount: integer("helpful_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ratings_user_book_key").on(t.userId, t.bookId),
    check(constraint.ratingsHalvesRange, sql`${t.halves} between 1 and 10`),
    check(constraint.ratingsReadDatesOrdered, sql`${t.finishedOn} >= ${t.startedOn}`),
    check("ratings_helpful_non_negative", sql`${t.helpfulCount} >= 0`),
    check("ratings_review_rendered", sql`(${t.body} is null) = (${t.bodyHtml} is null)`),
    index("ratings_book_reviews_helpful_idx").on(t.bookId, t.helpfulCount, t.id).where(sql`${t.body} is not null`),
    index("ratings_book_reviews_recent_idx").on(t.bookId, t.createdAt, t.id).where(sql`${t.body} is not null`),
    index("ratings_user_recent_idx").on(t.userId, t.createdAt, t.id),
    /** "Readers like you" and "clubs for you": who rated these books highly, an index-only read. */
    index("ratings_book_halves_user_idx").on(t.bookId, t.halves, t.userId),
  ],
);

/** "This review helped me": one vote per member and review (never on one's own, checked by the service). */
export const reviewVotes = pgTable(
  "review_votes",
  {
    reviewId: reference("review_id", () => ratings.id, "cascade"),
    userId: reference("user_id", () => users.id, "cascade"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_votes_user_idx").on(t.userId)],
);

/**
 * Per-book count, sum and histogram of the ten half-steps, changed in the
 * transaction of every rating change (the row is locked first, so concurrent
 * changes to one book apply one after another and the aggregate stays exact).
 */
export const bookRatingStats = pgTable(
  "book_rating_stats",
  {
    bookId: uuid("book_id")
      .primaryKey()
      .references(() => books.id, { onDelete: "cascade" }),
    count: integer("count").notNull().default(0),
    sumHalves: integer("sum_halves").notNull().default(0),
    histogram: integer("histogram").array().notNull().default(sql`'{0,0,0,0,0,0,0,0,0,0}'::integer[]`),
  },
  (t) => [
    check("book_rating_stats_count_non_negative", sql`${t.count} >= 0`),
    check("book_rating_stats_histogram_ten", sql`cardinality(${t.histogram}) = 10`),
  ],
);

export const reviewSummaryKind = pgEnum("review_summary_kind", REVIEW_SUMMARY_KINDS);

/** A book's review summary as the summary job last computed it; requests only read it. */
export const bookSummaries = pgTable("book_summaries", {
  bookId: uuid("book_id")
    .primaryKey()
    .references(() => books.id, { onDelete: "cascade" }),
  kind: reviewSummaryKind("kind").notNull(),
  content: jsonb("content").notNull(),
  reviewCount: integer("review_count").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Rating = typeof ratings.$inferSelect;
