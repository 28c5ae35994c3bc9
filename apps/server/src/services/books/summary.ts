import { books, type Executor, eq } from "@booky/db";

/** What a meeting, a list or a search result shows of a catalog book. */
export const bookSummaryColumns = {
  id: books.id,
  title: books.title,
  subtitle: books.subtitle,
  authors: books.authors,
  coverUrl: books.coverUrl,
  pageCount: books.pageCount,
  isbn13: books.isbn13,
};

export async function findBookSummary(db: Executor, bookId: string) {
  const [book] = await db.select(bookSummaryColumns).from(books).where(eq(books.id, bookId));
  return book ?? null;
}
