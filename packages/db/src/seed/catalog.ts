import { readFileSync } from "node:fs";
import { authorsSearchText, isValidIsbn13, normalizeAuthors } from "@booky/domain";
import type { Database } from "../client.js";
import { books, type NewBook } from "../schema/index.js";

/** Committed beside `drizzle/`, found the same way from src/ and dist/ (see seed-data/README.md). */
const catalogFile = new URL("../../seed-data/catalog-books.json", import.meta.url);

export interface SeedBook {
  isbn13: string;
  title: string;
  authors: string[];
  publisher: string | null;
  publishedDate: string | null;
  pageCount: number;
  language: string | null;
  subjects: string[];
}

export function readSeedCatalog(): SeedBook[] {
  return JSON.parse(readFileSync(catalogFile, "utf8")) as SeedBook[];
}

/** A catalog row from a seed entry; refuses an entry whose ISBN fails its checksum. */
export function seedBookRow(book: SeedBook): NewBook {
  if (!isValidIsbn13(book.isbn13)) throw new Error(`Seed book "${book.title}" has an invalid ISBN-13 ${book.isbn13}`);
  const authors = normalizeAuthors(book.authors);
  return { ...book, authors, authorsSearch: authorsSearchText(authors) };
}

/** Idempotent: books already in the catalog (same ISBN-13) are left as they are. */
export async function seedCatalog(db: Database): Promise<{ books: number }> {
  const rows = readSeedCatalog().map(seedBookRow);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const result = await db.insert(books).values(batch).onConflictDoNothing().returning({ id: books.id });
    inserted += result.length;
  }
  return { books: inserted };
}
