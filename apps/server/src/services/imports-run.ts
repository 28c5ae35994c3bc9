import {
  and,
  bookReads,
  books,
  copies,
  type Database,
  type Executor,
  eq,
  importedSourceBooks,
  importJobs,
  importRows,
  isNull,
  max,
  shelfBooks,
  shelfEntries,
  shelves,
  sql,
} from "@booky/db";
import { authorsSearchText, type ImportedBook, type ImportSource, normalizeAuthors } from "@booky/domain";
import { convert } from "html-to-text";
import type { AppDeps } from "../context.js";
import { AppError, conflict, notFound } from "../errors.js";
import { importBook } from "./books/books.js";
import { findBookSummary } from "./books/summary.js";
import { importRating } from "./reviews.js";

type RunDeps = Pick<AppDeps, "db" | "bookMetadata">;
const BATCH = 100;

/** A review as plain text: Goodreads writes HTML (`<br/>`, `<i>`…); the reviews domain renders text safely. */
const reviewText = (review: string | null) =>
  review
    ? convert(review, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }] }).trim() || null
    : null;

/** The catalog book for a row: by ISBN here, else through Google Books, else a new row from the file. */
async function resolveBook(deps: RunDeps, book: ImportedBook): Promise<{ bookId: string; how: "matched" | "created" }> {
  if (book.isbn13) {
    const [known] = await deps.db.select({ id: books.id }).from(books).where(eq(books.isbn13, book.isbn13));
    if (known) return { bookId: known.id, how: "matched" };
    try {
      const found = await importBook(deps, { isbn: book.isbn13 });
      return { bookId: found.book.id, how: "matched" };
    } catch (error) {
      // Unknown to Google, or Google unreachable: the file's own details make the catalog row.
      if (!(error instanceof AppError) || (error.kind !== "not_found" && error.kind !== "unavailable")) throw error;
    }
  } else {
    const authors = normalizeAuthors(book.authors);
    const [same] = await deps.db
      .select({ id: books.id })
      .from(books)
      .where(
        and(sql`lower(${books.title}) = lower(${book.title})`, eq(books.authorsSearch, authorsSearchText(authors))),
      )
      .limit(1);
    if (same) return { bookId: same.id, how: "matched" };
  }
  const authors = normalizeAuthors(book.authors);
  const [created] = await deps.db
    .insert(books)
    .values({
      title: book.title.slice(0, 500),
      authors,
      authorsSearch: authorsSearchText(authors),
      isbn13: book.isbn13,
      pageCount: book.pageCount && book.pageCount <= 100_000 ? book.pageCount : null,
      publishedDate: book.publishedYear,
    })
    .onConflictDoNothing()
    .returning({ id: books.id });
  if (created) return { bookId: created.id, how: "created" };
  // Someone created it meanwhile (same ISBN).
  const [winner] = await deps.db
    .select({ id: books.id })
    .from(books)
    .where(eq(books.isbn13, book.isbn13 ?? ""));
  if (!winner) throw new Error("the book insert conflicted but no row has its ISBN");
  return { bookId: winner.id, how: "matched" };
}

/** A custom shelf of the member's by name, created (private, last) when missing. */
async function shelfNamed(tx: Executor, userId: string, name: string): Promise<string> {
  const [existing] = await tx
    .select({ id: shelves.id })
    .from(shelves)
    .where(and(eq(shelves.userId, userId), sql`lower(${shelves.name}) = lower(${name})`));
  if (existing) return existing.id;
  const [last] = await tx
    .select({ position: max(shelves.position) })
    .from(shelves)
    .where(eq(shelves.userId, userId));
  const [made] = await tx
    .insert(shelves)
    .values({ userId, name, position: (last?.position ?? 0) + 1 })
    .onConflictDoNothing()
    .returning({ id: shelves.id });
  return made?.id ?? (await shelfNamed(tx, userId, name));
}

/**
 * Puts one imported book on the member's shelves: status (kept if the member
 * already has one), rating and review (kept for the reviews domain), reads,
 * custom shelves, owned copies. Once per member, source and source book id:
 * false when this source book was imported before (nothing changes).
 */
export async function applyImportedBook(
  tx: Executor,
  userId: string,
  source: ImportSource,
  rowId: string,
  bookId: string,
  book: ImportedBook,
) {
  const [first] = await tx
    .insert(importedSourceBooks)
    .values({ userId, source, sourceBookId: book.sourceBookId, bookId, rowId })
    .onConflictDoNothing()
    .returning({ bookId: importedSourceBooks.bookId });
  if (!first) return false;
  if (book.status || book.rating) {
    await tx
      .insert(shelfEntries)
      .values({ userId, bookId, status: book.status ?? "read" })
      .onConflictDoNothing({ target: [shelfEntries.userId, shelfEntries.bookId] });
  }
  // A review needs a rating here (Booky has no review without stars): an unrated row's review stays in the file.
  if (book.rating) await importRating(tx, userId, bookId, book.rating, reviewText(book.review));
  if (book.reads.length > 0) {
    await tx.insert(bookReads).values(book.reads.map((read) => ({ userId, bookId, ...read })));
  } else if (book.status === "reading") {
    await tx.insert(bookReads).values({ userId, bookId }).onConflictDoNothing();
  }
  for (const name of book.shelves) {
    await tx
      .insert(shelfBooks)
      .values({ shelfId: await shelfNamed(tx, userId, name), bookId })
      .onConflictDoNothing();
  }
  if (book.ownedCopies > 0) {
    const notes = `Imported from ${source === "goodreads" ? "Goodreads" : "StoryGraph"}`;
    await tx
      .insert(copies)
      .values(
        Array.from({ length: book.ownedCopies }, () => ({ ownerId: userId, bookId, condition: book.condition, notes })),
      );
  }
  return true;
}

const counterFor = {
  matched: importJobs.matched,
  created: importJobs.created,
  unchanged: importJobs.unchanged,
  failed: importJobs.failed,
};

/** Records one row's outcome and bumps the job's counters and heartbeat, in the row's transaction. */
async function finishRow(
  tx: Executor,
  jobId: string,
  rowId: string,
  outcome: { status: "matched" | "created" | "unchanged" | "failed"; bookId?: string; reason?: string },
) {
  await tx
    .update(importRows)
    .set({ status: outcome.status, bookId: outcome.bookId ?? null, reason: outcome.reason ?? null })
    .where(eq(importRows.id, rowId));
  const counter = counterFor[outcome.status];
  await tx
    .update(importJobs)
    .set({ doneRows: sql`${importJobs.doneRows} + 1`, [outcome.status]: sql`${counter} + 1`, heartbeatAt: sql`now()` })
    .where(eq(importJobs.id, jobId));
}

/**
 * Works through an import's pending rows, each in its own transaction that
 * claims the row (`for update skip locked`, so two workers never take the
 * same row), applies it and records the outcome: a crash loses at most the
 * row in hand, and the next run resumes with the rows still pending.
 */
export async function runImport(deps: RunDeps, jobId: string) {
  const [job] = await deps.db
    .update(importJobs)
    .set({ status: "running", heartbeatAt: sql`now()` })
    .where(and(eq(importJobs.id, jobId), isNull(importJobs.finishedAt)))
    .returning({ userId: importJobs.userId, source: importJobs.source });
  if (!job) return { status: "missing-or-done" as const };
  for (;;) {
    const pending = await deps.db
      .select({ id: importRows.id, data: importRows.data })
      .from(importRows)
      .where(and(eq(importRows.jobId, jobId), eq(importRows.status, "pending")))
      .orderBy(importRows.rowNumber)
      .limit(BATCH);
    let claimed = 0;
    for (const row of pending) if (await importRow(deps, jobId, job, row.id, row.data as ImportedBook)) claimed++;
    // Rows left pending but held by another worker: that worker finishes them (and the job).
    if (claimed === 0) break;
  }
  const [finished] = await deps.db
    .update(importJobs)
    .set({ status: "done", finishedAt: sql`now()` })
    .where(
      and(
        eq(importJobs.id, jobId),
        isNull(importJobs.finishedAt),
        sql`not exists (select 1 from ${importRows} where ${importRows.jobId} = ${jobId} and ${importRows.status} = 'pending')`,
      ),
    )
    .returning({ id: importJobs.id });
  return { status: finished ? ("done" as const) : ("left-to-another-worker" as const) };
}

async function importRow(
  deps: RunDeps,
  jobId: string,
  job: { userId: string; source: ImportSource },
  rowId: string,
  book: ImportedBook,
) {
  let resolved: Awaited<ReturnType<typeof resolveBook>> | null = null;
  let reason: string | null = null;
  try {
    resolved = await resolveBook(deps, book);
  } catch (error) {
    reason =
      error instanceof Error
        ? `The book could not be added to the catalog: ${error.message.slice(0, 200)}`
        : "The book could not be added";
  }
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .select({ id: importRows.id })
      .from(importRows)
      .where(and(eq(importRows.id, rowId), eq(importRows.status, "pending")))
      .for("update", { skipLocked: true });
    if (!claimed) return false;
    if (!resolved) {
      await finishRow(tx, jobId, rowId, { status: "failed", reason: reason ?? "Unknown failure" });
      return true;
    }
    const applied = await applyImportedBook(tx, job.userId, job.source, rowId, resolved.bookId, book);
    await finishRow(tx, jobId, rowId, { status: applied ? resolved.how : "unchanged", bookId: resolved.bookId });
    return true;
  });
}

/** A failed row imported again with the catalog book the member chose for it. */
export function retryImportRow(db: Database, userId: string, input: { rowId: string; bookId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: importRows.id,
        status: importRows.status,
        data: importRows.data,
        jobId: importRows.jobId,
        source: importJobs.source,
      })
      .from(importRows)
      .innerJoin(importJobs, eq(importJobs.id, importRows.jobId))
      .where(and(eq(importRows.id, input.rowId), eq(importJobs.userId, userId)))
      .for("update", { of: importRows });
    if (!row) throw notFound("No such import row of yours");
    if (row.status !== "failed") throw conflict("Only a failed row can be retried");
    if (!(await findBookSummary(tx, input.bookId))) throw notFound("No such book in the catalog");
    const book = (row.data as ImportedBook | null) ?? fallbackBook(row.id);
    const applied = await applyImportedBook(tx, userId, row.source, row.id, input.bookId, book);
    await tx
      .update(importRows)
      .set({ status: applied ? "matched" : "unchanged", bookId: input.bookId, reason: null })
      .where(eq(importRows.id, row.id));
    const counter = applied ? importJobs.matched : importJobs.unchanged;
    await tx
      .update(importJobs)
      .set({ failed: sql`${importJobs.failed} - 1`, [applied ? "matched" : "unchanged"]: sql`${counter} + 1` })
      .where(eq(importJobs.id, row.jobId));
    return { status: applied ? ("matched" as const) : ("unchanged" as const), bookId: input.bookId };
  });
}

/** A row that could not be read at all becomes a plain "read" entry of the chosen book. */
const fallbackBook = (rowId: string): ImportedBook => ({
  sourceBookId: `row:${rowId}`,
  isbn13: null,
  title: "",
  authors: [],
  pageCount: null,
  publishedYear: null,
  status: "want_to_read",
  rating: null,
  review: null,
  reads: [],
  shelves: [],
  ownedCopies: 0,
  condition: "good",
});
