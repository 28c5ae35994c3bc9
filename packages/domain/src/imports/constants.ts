/** Where an import file comes from. */
export const IMPORT_SOURCES = ["goodreads", "storygraph"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** An import job: queued, running (rows being matched), done. */
export const IMPORT_STATUSES = ["queued", "running", "done"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One row of a file: pending until the job reaches it; matched (a catalog
 * book, found by ISBN here or at Google), created (a new catalog row from the
 * file), unchanged (this source book was imported before), or failed.
 */
export const IMPORT_ROW_STATUSES = ["pending", "matched", "created", "unchanged", "failed"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

/** Columns without which a file is not that source's export (every other column is optional). */
export const REQUIRED_HEADERS: Record<ImportSource, readonly string[]> = {
  goodreads: ["Book Id", "Title", "Author", "ISBN", "ISBN13", "My Rating", "Exclusive Shelf"],
  storygraph: ["Title", "Authors", "ISBN/UID", "Read Status"],
};

/** Goodreads' export columns as it writes them today (31; older exports have the first 24 of these, less BCID…). */
export const GOODREADS_HEADERS = [
  "Book Id",
  "Title",
  "Author",
  "Author l-f",
  "Additional Authors",
  "ISBN",
  "ISBN13",
  "My Rating",
  "Average Rating",
  "Publisher",
  "Binding",
  "Number of Pages",
  "Year Published",
  "Original Publication Year",
  "Date Read",
  "Date Added",
  "Bookshelves",
  "Bookshelves with positions",
  "Exclusive Shelf",
  "My Review",
  "Spoiler",
  "Private Notes",
  "Read Count",
  "Recommended For",
  "Recommended By",
  "Owned Copies",
  "Original Purchase Date",
  "Original Purchase Location",
  "Condition",
  "Condition Description",
  "BCID",
] as const;
