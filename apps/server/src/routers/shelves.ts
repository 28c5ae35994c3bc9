import {
  bookIdInput,
  createShelfInput,
  memberShelvesInput,
  myBooksInput,
  readingStatusSchema,
  reorderShelvesInput,
  setReadingStatusInput,
  shelfBookInput,
  shelfBooksInput,
  shelfIdInput,
  statusVisibilityInput,
  updateReadInput,
  updateShelfInput,
} from "@booky/domain";
import {
  addToShelf,
  createShelf,
  deleteShelf,
  memberBooks,
  memberShelves,
  myBookState,
  myBooks,
  myShelves,
  removeFromShelf,
  removeReadingStatus,
  reorderShelves,
  setReadingStatus,
  setStatusVisibility,
  shelfContents,
  updateRead,
  updateShelf,
} from "../services/shelves.js";
import { authedProcedure, router } from "../trpc.js";

export const shelvesRouter = router({
  /** Puts a book on a status shelf; reads (and re-reads) follow the status. */
  setStatus: authedProcedure
    .input(setReadingStatusInput)
    .mutation(({ ctx, input }) => setReadingStatus(ctx.db, ctx.user.id, input)),

  removeStatus: authedProcedure
    .input(bookIdInput)
    .mutation(({ ctx, input }) => removeReadingStatus(ctx.db, ctx.user.id, input.bookId)),

  updateRead: authedProcedure
    .input(updateReadInput)
    .mutation(({ ctx, input }) => updateRead(ctx.db, ctx.user.id, input)),

  /** The caller's books on the status shelves, most recently changed first. */
  books: authedProcedure.input(myBooksInput).query(({ ctx, input }) => myBooks(ctx.db, ctx.user.id, input)),

  /** Another member's status shelves, as far as their setting shares them with the caller. */
  memberBooks: authedProcedure
    .input(memberShelvesInput.extend({ status: readingStatusSchema.optional() }))
    .query(({ ctx, input }) => memberBooks(ctx.db, ctx.user.id, input)),

  setStatusVisibility: authedProcedure
    .input(statusVisibilityInput)
    .mutation(({ ctx, input }) => setStatusVisibility(ctx.db, ctx.user.id, input.visibility)),

  /** The caller's status, reads and custom shelves for one book. */
  forBook: authedProcedure.input(bookIdInput).query(({ ctx, input }) => myBookState(ctx.db, ctx.user.id, input.bookId)),

  create: authedProcedure.input(createShelfInput).mutation(({ ctx, input }) => createShelf(ctx.db, ctx.user.id, input)),
  update: authedProcedure.input(updateShelfInput).mutation(({ ctx, input }) => updateShelf(ctx.db, ctx.user.id, input)),
  delete: authedProcedure
    .input(shelfIdInput)
    .mutation(({ ctx, input }) => deleteShelf(ctx.db, ctx.user.id, input.shelfId)),
  reorder: authedProcedure
    .input(reorderShelvesInput)
    .mutation(({ ctx, input }) => reorderShelves(ctx.db, ctx.user.id, input.shelfIds)),

  /** The caller's custom shelves, in their order. */
  mine: authedProcedure
    .input(shelfBooksInput.omit({ shelfId: true }))
    .query(({ ctx, input }) => myShelves(ctx.db, ctx.user.id, input)),
  /** Another member's custom shelves that the caller may see. */
  ofMember: authedProcedure
    .input(memberShelvesInput)
    .query(({ ctx, input }) => memberShelves(ctx.db, ctx.user.id, input)),
  /** The books on a shelf the caller may see. */
  contents: authedProcedure.input(shelfBooksInput).query(({ ctx, input }) => shelfContents(ctx.db, ctx.user.id, input)),

  addBook: authedProcedure.input(shelfBookInput).mutation(({ ctx, input }) => addToShelf(ctx.db, ctx.user.id, input)),
  removeBook: authedProcedure
    .input(shelfBookInput)
    .mutation(({ ctx, input }) => removeFromShelf(ctx.db, ctx.user.id, input)),
});
