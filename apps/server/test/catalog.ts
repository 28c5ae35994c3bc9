import { books, seedCatalog } from "@booky/db";
import { authorsSearchText, normalizeAuthors } from "@booky/domain";
import type { TestServer } from "./harness.js";

let counter = 0;

/**
 * A catalog book inserted directly (tests of meetings need a book, not the
 * import path, which books tests cover). Page count may be unknown (null).
 */
export async function catalogBook(
  server: Pick<TestServer, "db">,
  details: { title?: string; authors?: string[]; pageCount?: number | null; isbn13?: string; coverUrl?: string } = {},
) {
  counter += 1;
  const authors = normalizeAuthors(details.authors ?? ["Test Author"]);
  const [book] = await server.db
    .insert(books)
    .values({
      title: details.title ?? `Test Book ${counter}`,
      authors,
      authorsSearch: authorsSearchText(authors),
      pageCount: details.pageCount === undefined ? 250 : details.pageCount,
      isbn13: details.isbn13 ?? null,
      coverUrl: details.coverUrl ?? null,
    })
    .returning();
  if (!book) throw new Error("no book");
  return book;
}

/** The seed catalog (hundreds of real books), as `npm start` loads it. */
export async function seededCatalog(server: Pick<TestServer, "db">) {
  return seedCatalog(server.db);
}
