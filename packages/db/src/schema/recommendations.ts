import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, real, smallint, timestamp } from "drizzle-orm/pg-core";
import { books } from "./books.js";
import { reference } from "./columns.js";

/**
 * Item-to-item neighbours (cosine over who rated what), at most 50 per book,
 * rewritten by the nightly neighbours job; recommendations are index lookups here.
 */
export const bookNeighbours = pgTable(
  "book_neighbours",
  {
    bookId: reference("book_id", () => books.id, "cascade"),
    neighbourId: reference("neighbour_id", () => books.id, "cascade"),
    score: real("score").notNull(),
    rank: smallint("rank").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bookId, t.neighbourId] }),
    check("book_neighbours_not_self", sql`${t.bookId} <> ${t.neighbourId}`),
    index("book_neighbours_book_rank_idx").on(t.bookId, t.rank),
  ],
);
