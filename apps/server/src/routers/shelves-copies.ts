import {
  addCopyInput,
  bookIdInput,
  bookOwnersInput,
  copyIdInput,
  memberShelvesInput,
  myCopiesInput,
  updateCopyInput,
} from "@booky/domain";
import {
  addCopy,
  bookOwners,
  memberCopies,
  myCopies,
  myCopiesOf,
  removeCopy,
  updateCopy,
} from "../services/shelves-copies.js";
import { authedProcedure, router } from "../trpc.js";

export const copiesRouter = router({
  add: authedProcedure.input(addCopyInput).mutation(({ ctx, input }) => addCopy(ctx.db, ctx.user.id, input)),
  update: authedProcedure.input(updateCopyInput).mutation(({ ctx, input }) => updateCopy(ctx.db, ctx.user.id, input)),
  /** CONFLICT while the copy is in a pending trade or out on loan. */
  remove: authedProcedure
    .input(copyIdInput)
    .mutation(({ ctx, input }) => removeCopy(ctx.db, ctx.user.id, input.copyId)),
  /** The caller's copies, newest first. */
  mine: authedProcedure.input(myCopiesInput).query(({ ctx, input }) => myCopies(ctx.db, ctx.user.id, input)),
  /** The caller's copies of one book. */
  ofBook: authedProcedure.input(bookIdInput).query(({ ctx, input }) => myCopiesOf(ctx.db, ctx.user.id, input.bookId)),
  /** A friend's or club-mate's copies open to trade (the trade builder). */
  ofMember: authedProcedure
    .input(memberShelvesInput)
    .query(({ ctx, input }) => memberCopies(ctx.db, ctx.user.id, input)),
  /** Friends' and club-mates' copies of a book: "who has this book". */
  owners: authedProcedure.input(bookOwnersInput).query(({ ctx, input }) => bookOwners(ctx.db, ctx.user.id, input)),
});
