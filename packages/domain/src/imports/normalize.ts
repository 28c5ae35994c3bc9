import { isbn13To10, parseIsbn } from "../books/isbn.js";
import type { CopyCondition, ReadingStatus, ReadOutcome } from "../shelves/constants.js";
import { normalizeShelfName } from "../shelves/rules.js";
import { type ImportSource, REQUIRED_HEADERS } from "./constants.js";

/** One book of an import file, as Booky keeps it: everything the job needs, nothing of the file's layout. */
export interface ImportedBook {
  sourceBookId: string;
  isbn13: string | null;
  title: string;
  authors: string[];
  pageCount: number | null;
  publishedYear: string | null;
  status: ReadingStatus | null;
  /** Half stars, 1–10 (the reviews domain's unit); null when unrated. */
  rating: number | null;
  /** The review as the file has it (Goodreads writes HTML). */
  review: string | null;
  reads: { startedOn: string | null; finishedOn: string; outcome: ReadOutcome }[];
  shelves: string[];
  ownedCopies: number;
  condition: CopyCondition;
}

export type NormalizedRow = { ok: true; book: ImportedBook } | { ok: false; reason: string };

/** Which export a header row is, by column names (never by position); null when neither. */
export function detectImportSource(headers: readonly string[]): ImportSource | null {
  const names = new Set(headers.map((header) => header.trim()));
  if (names.has("Book Id") && names.has("Exclusive Shelf")) return "goodreads";
  if (names.has("Read Status") && names.has("ISBN/UID")) return "storygraph";
  return null;
}

/** The required columns a header row lacks for `source`. */
export function missingHeaders(source: ImportSource, headers: readonly string[]): string[] {
  const names = new Set(headers.map((header) => header.trim()));
  return REQUIRED_HEADERS[source].filter((name) => !names.has(name));
}

/**
 * An ISBN as exports write it: Goodreads wraps it as `="0441172717"` (so
 * spreadsheets keep the leading zero), StoryGraph's ISBN/UID column may hold
 * an internal id instead. Null when the value is not a valid ISBN.
 */
export function cleanIsbn(value: string | undefined): string | null {
  if (!value) return null;
  const bare = value.trim().replace(/^="?/, "").replace(/"$/, "").trim();
  return bare ? parseIsbn(bare) : null;
}

const DAY = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;

/** `YYYY/MM/DD` (or with dashes) as YYYY-MM-DD; null when empty or not a real day. */
export function parseExportDate(value: string | undefined): string | null {
  const match = value?.trim().match(DAY);
  if (!match) return null;
  const [, y, m, d] = match;
  const day = `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : null;
}

/** A day (YYYY-MM-DD) as Goodreads writes it, `YYYY/MM/DD`: what `parseExportDate` reads back; "" for none. */
export const goodreadsDay = (day: string | null | undefined) => (day ? day.replaceAll("-", "/") : "");

/** StoryGraph's `Dates Read`: "2023/01/05-2023/01/20, 2024/02/01" — each a range or a single finish day. */
export function parseDatesRead(value: string | undefined): { startedOn: string | null; finishedOn: string }[] {
  if (!value) return [];
  const reads: { startedOn: string | null; finishedOn: string }[] = [];
  const pattern = /(\d{4}[/-]\d{1,2}[/-]\d{1,2})(?:\s*[-–]\s*(\d{4}[/-]\d{1,2}[/-]\d{1,2}))?/g;
  for (const match of value.matchAll(pattern)) {
    const first = parseExportDate(match[1]);
    const second = parseExportDate(match[2]);
    if (second) reads.push({ startedOn: first && first <= second ? first : null, finishedOn: second });
    else if (first) reads.push({ startedOn: null, finishedOn: first });
  }
  return reads;
}

/**
 * A rating in half stars, the unit of Booky's ratings: Goodreads' whole stars
 * (0 = unrated) exactly, StoryGraph's quarter stars ("4.25") to the nearest
 * half star, a quarter rounding up ("4.25" is 4.5 stars).
 */
export function importedRatingHalves(value: string | undefined): number | null {
  const stars = Number.parseFloat(value?.trim() ?? "");
  if (!Number.isFinite(stars) || stars <= 0 || stars > 5) return null;
  return Math.max(1, Math.round(stars * 2));
}

/**
 * Goodreads' exclusive shelf for each reading status (StoryGraph's read status uses the same names): the one mapping
 * the import reads (`statusFromShelf`) and the Goodreads export writes.
 */
export const GOODREADS_SHELF: Record<ReadingStatus, string> = {
  want_to_read: "to-read",
  reading: "currently-reading",
  read: "read",
  did_not_finish: "did-not-finish",
};

/** Half stars as Goodreads' `My Rating`: whole stars, a half star rounding up, "0" for unrated (what the import reads). */
export const goodreadsStars = (halves: number | null | undefined) =>
  halves ? String(Math.max(1, Math.round(halves / 2))) : "0";

const EXCLUSIVE: Record<string, ReadingStatus> = {
  ...Object.fromEntries(Object.entries(GOODREADS_SHELF).map(([status, shelf]) => [shelf, status as ReadingStatus])),
  // Other names exports give a book put down.
  dnf: "did_not_finish",
  abandoned: "did_not_finish",
};

/** The status an exclusive shelf (or StoryGraph's read status) stands for; null for a custom exclusive shelf. */
export function statusFromShelf(name: string | undefined): ReadingStatus | null {
  return EXCLUSIVE[(name ?? "").trim().toLowerCase()] ?? null;
}

/** Custom shelves from "to-read (#105), favorites (#3), sci-fi": positions dropped, status shelves left out. */
export function customShelves(value: string | undefined, exclusive?: string): string[] {
  const names = (value ?? "")
    .split(",")
    .map((name) => normalizeShelfName(name.replace(/\(#\d+\)\s*$/, "")))
    .filter((name) => name && !statusFromShelf(name) && name.toLowerCase() !== exclusive?.toLowerCase());
  const custom = exclusive && !statusFromShelf(exclusive) ? [normalizeShelfName(exclusive)] : [];
  return [...new Set([...custom, ...names].map((name) => name.slice(0, 60)))];
}

const CONDITIONS: Record<string, CopyCondition> = {
  new: "as_new",
  "as new": "as_new",
  "like new": "as_new",
  fine: "fine",
  "very good": "very_good",
  good: "good",
  fair: "fair",
  acceptable: "fair",
  poor: "poor",
};

const splitAuthors = (...values: (string | undefined)[]) =>
  values
    .flatMap((value) => (value ?? "").split(","))
    .map((name) => name.trim().replace(/\s+/g, " "))
    .filter(Boolean);

const wholeNumber = (value: string | undefined) => {
  const number = Number.parseInt(value?.trim() ?? "", 10);
  return Number.isFinite(number) && number > 0 ? number : null;
};

function goodreadsRow(record: Record<string, string>): ImportedBook {
  const exclusive = record["Exclusive Shelf"]?.trim();
  const status = statusFromShelf(exclusive);
  const finishedOn = parseExportDate(record["Date Read"]);
  const outcome = status === "did_not_finish" ? "did_not_finish" : "read";
  return {
    sourceBookId: record["Book Id"]?.trim() ?? "",
    isbn13: cleanIsbn(record.ISBN13) ?? cleanIsbn(record.ISBN),
    title: record.Title?.trim() ?? "",
    authors: splitAuthors(record.Author, record["Additional Authors"]),
    pageCount: wholeNumber(record["Number of Pages"]),
    publishedYear: record["Original Publication Year"]?.trim() || record["Year Published"]?.trim() || null,
    status,
    rating: importedRatingHalves(record["My Rating"]),
    review: record["My Review"]?.trim() || null,
    reads:
      finishedOn && (status === "read" || status === "did_not_finish")
        ? [{ startedOn: null, finishedOn, outcome }]
        : [],
    shelves: customShelves(record.Bookshelves || record["Bookshelves with positions"], exclusive),
    ownedCopies: Math.min(wholeNumber(record["Owned Copies"]) ?? 0, 20),
    condition: CONDITIONS[(record.Condition ?? "").trim().toLowerCase()] ?? "good",
  };
}

function storygraphRow(record: Record<string, string>): ImportedBook {
  const status = statusFromShelf(record["Read Status"]);
  const outcome = status === "did_not_finish" ? "did_not_finish" : "read";
  const ranges = parseDatesRead(record["Dates Read"]);
  const last = parseExportDate(record["Last Date Read"]);
  const reads = ranges.length > 0 ? ranges : last ? [{ startedOn: null, finishedOn: last }] : [];
  const title = record.Title?.trim() ?? "";
  const authors = splitAuthors(record.Authors);
  const uid = record["ISBN/UID"]?.trim() ?? "";
  return {
    // StoryGraph has no book id column: the ISBN/UID names the book, else its title and authors.
    sourceBookId: uid || `${title.toLowerCase()}|${authors.join(",").toLowerCase()}`,
    isbn13: cleanIsbn(uid),
    title,
    authors,
    pageCount: wholeNumber(record["Number of Pages"] ?? record.Pages),
    publishedYear: null,
    status,
    rating: importedRatingHalves(record["Star Rating"]),
    review: record.Review?.trim() || null,
    reads:
      status === "read" || status === "did_not_finish"
        ? reads.map((read, index) => ({ ...read, outcome: index === reads.length - 1 ? outcome : "read" }))
        : [],
    shelves: customShelves(record.Tags),
    ownedCopies: /^(yes|true|owned)$/i.test(record["Owned?"]?.trim() ?? "") ? 1 : 0,
    condition: "good",
  };
}

/** One record (columns by header name) of a `source` export as an ImportedBook, or why it cannot be one. */
export function normalizeImportRow(source: ImportSource, record: Record<string, string>): NormalizedRow {
  const book = source === "goodreads" ? goodreadsRow(record) : storygraphRow(record);
  if (!book.title) return { ok: false, reason: "The row has no title" };
  if (!book.sourceBookId) return { ok: false, reason: "The row has no Book Id" };
  if (book.sourceBookId.length > 200) return { ok: false, reason: "The book id is too long" };
  return { ok: true, book };
}

/** An ISBN-13 as Goodreads exports it (`="…"`), or its ISBN-10 form. */
export const goodreadsIsbn = (isbn13: string | null, form: 10 | 13) => {
  const value = isbn13 && form === 10 ? isbn13To10(isbn13) : isbn13;
  return `="${value ?? ""}"`;
};
