import { bookByIsbnInput, bookClubsInput, bookIdInput, importBookInput, searchBooksInput } from "@booky/domain";
import { bookOutput } from "../contracts/books.js";
import { bookByIsbn, clubsReading, getBook, importBook, searchBooks } from "../services/books/books.js";
import { authedProcedure, rest, router } from "../trpc.js";

export const booksRouter = router({
  /**
   * Catalog matches first, best first; once they run out, Google Books volumes
   * the catalog does not have yet (`source: "google"`, add them with
   * `books.import`). `remote` says whether Google answered ("ok"), could not
   * ("unavailable": the page is catalog-only) or is switched off ("disabled").
   */
  search: authedProcedure
    .input(searchBooksInput)
    .query(({ ctx, input }) => searchBooks(ctx.deps, { userId: ctx.user.id, ip: ctx.req.ip }, input)),

  get: authedProcedure
    .meta(rest("GET", "/books/{bookId}", "A catalog book"))
    .input(bookIdInput)
    .output(bookOutput)
    .query(({ ctx, input }) => getBook(ctx.db, input.bookId)),

  byIsbn: authedProcedure.input(bookByIsbnInput).query(({ ctx, input }) => bookByIsbn(ctx.db, input.isbn)),

  /**
   * A Google volume (by id, or the first one Google finds for an ISBN) as a
   * catalog book. Importing the same book again returns the same row
   * (`created: false`); a book the catalog already has by ISBN needs no call
   * to Google at all.
   */
  import: authedProcedure.input(importBookInput).mutation(({ ctx, input }) => importBook(ctx.deps, input)),

  /** Clubs that have met (or will meet) about this book and that the caller may see, by name. */
  clubs: authedProcedure.input(bookClubsInput).query(({ ctx, input }) => clubsReading(ctx.db, ctx.user.id, input)),
});
