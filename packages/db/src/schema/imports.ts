import { IMPORT_ROW_STATUSES, IMPORT_SOURCES, IMPORT_STATUSES } from "@booky/domain";
import {
  index,
  integer,
  jsonb,
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
import { createdAt, id, momentAt, reference } from "./columns.js";

export const importSource = pgEnum("import_source", IMPORT_SOURCES);
export const importStatus = pgEnum("import_status", IMPORT_STATUSES);
export const importRowStatus = pgEnum("import_row_status", IMPORT_ROW_STATUSES);

/** One uploaded file being imported, with its progress counters (the web polls them). */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: id(),
    userId: reference("user_id", () => users.id, "cascade"),
    source: importSource("source").notNull(),
    fileName: text("file_name").notNull(),
    status: importStatus("status").notNull().default("queued"),
    totalRows: integer("total_rows").notNull(),
    doneRows: integer("done_rows").notNull().default(0),
    matched: integer("matched").notNull().default(0),
    created: integer("created").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    createdAt: createdAt(),
    /** Bumped by every row processed: a running import whose heartbeat stopped is resumed by the sweep. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: momentAt("finished_at"),
  },
  (t) => [
    index("import_jobs_user_created_idx").on(t.userId, t.createdAt),
    // The operator dashboard's imports per week.
    index("import_jobs_created_idx").on(t.createdAt),
  ],
);

/** One row of an import file, normalised (`data` is the domain's ImportedBook, null when unreadable). */
export const importRows = pgTable(
  "import_rows",
  {
    id: id(),
    jobId: reference("job_id", () => importJobs.id, "cascade"),
    rowNumber: integer("row_number").notNull(),
    data: jsonb("data"),
    status: importRowStatus("status").notNull().default("pending"),
    reason: text("reason"),
    bookId: uuid("book_id").references(() => books.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("import_rows_job_row_key").on(t.jobId, t.rowNumber),
    index("import_rows_job_status_idx").on(t.jobId, t.status, t.rowNumber),
  ],
);

/** Which source books a member has imported: a second import of the same book changes nothing. */
export const importedSourceBooks = pgTable(
  "imported_source_books",
  {
    userId: reference("user_id", () => users.id, "cascade"),
    source: importSource("source").notNull(),
    sourceBookId: text("source_book_id").notNull(),
    bookId: reference("book_id", () => books.id),
    rowId: uuid("row_id").references(() => importRows.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source, t.sourceBookId] })],
);
