import {
  COPY_AVAILABILITIES,
  COPY_CONDITIONS,
  DEFAULT_STATUS_VISIBILITY,
  READ_OUTCOMES,
  READING_STATUSES,
  SHELF_VISIBILITIES,
} from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { books } from "./books.js";
import { createdAt, id, reference, updatedAt } from "./columns.js";
import { constraint } from "./constraints.js";

export const readingStatus = pgEnum("reading_status", READING_STATUSES);
export const readOutcome = pgEnum("read_outcome", READ_OUTCOMES);
export const shelfVisibility = pgEnum("shelf_visibility", SHELF_VISIBILITIES);
export const copyCondition = pgEnum("copy_condition", COPY_CONDITIONS);
export const copyAvailability = pgEnum("copy_availability", COPY_AVAILABILITIES);

const day = (name: string) => date(name, { mode: "string" });

/** A member's status for one catalog book (their rating and review are the reviews domain's `ratings`). */
export const shelfEntries = pgTable(
  "shelf_entries",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    status: readingStatus("status").notNull(),
    createdAt: createdAt(),
    // Millisecond precision like createdAt: the lists page by it.
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("shelf_entries_user_book_key").on(t.userId, t.bookId),
    index("shelf_entries_user_status_idx").on(t.userId, t.status, t.updatedAt),
    index("shelf_entries_book_status_idx").on(t.bookId, t.status),
  ],
);

/** One read-through of a book; several are re-reads. An open read (outcome null) is at most one per book. */
export const bookReads = pgTable(
  "book_reads",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    startedOn: day("started_on"),
    finishedOn: day("finished_on"),
    outcome: readOutcome("outcome"),
    createdAt: createdAt(),
  },
  (t) => [
    index("book_reads_user_book_idx").on(t.userId, t.bookId, t.createdAt),
    uniqueIndex(constraint.bookReadsOneOpen).on(t.userId, t.bookId).where(sql`${t.outcome} is null`),
    check(constraint.bookReadsDatesOrdered, sql`${t.finishedOn} >= ${t.startedOn}`),
    check("book_reads_closed_has_finish", sql`(${t.outcome} is null) = (${t.finishedOn} is null)`),
  ],
);

/** A member's own named shelf (a tag), in the member's order. */
export const shelves = pgTable(
  "shelves",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    name: text("name").notNull(),
    visibility: shelfVisibility("visibility").notNull().default("private"),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex(constraint.shelvesNamePerMember).on(t.userId, sql`lower(${t.name})`),
    index("shelves_user_position_idx").on(t.userId, t.position, t.id),
  ],
);

export const shelfBooks = pgTable(
  "shelf_books",
  {
    shelfId: reference("shelf_id", () => shelves.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shelfId, t.bookId] }),
    index("shelf_books_shelf_added_idx").on(t.shelfId, t.addedAt),
  ],
);

/** Who may see a member's status lists (want to read, reading, read, did not finish). */
export const readerSettings = pgTable("reader_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  statusVisibility: shelfVisibility("status_visibility").notNull().default(DEFAULT_STATUS_VISIBILITY),
  updatedAt: updatedAt(),
});

/** A physical copy of a catalog book; `owner_id` moves when a trade is fulfilled. */
export const copies = pgTable(
  "copies",
  {
    id: id(),
    ownerId: reference("owner_id", () => users.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    condition: copyCondition("condition").notNull(),
    availability: copyAvailability("availability").notNull().default("keep"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("copies_owner_created_idx").on(t.ownerId, t.createdAt),
    index("copies_book_owner_idx").on(t.bookId, t.ownerId),
  ],
);

export type ShelfEntry = typeof shelfEntries.$inferSelect;
export type Copy = typeof copies.$inferSelect;
