import { confirmLoanInput, copyLoansInput, lendCopyInput, loanIdInput, loansListInput } from "@booky/domain";
import { cancelLoan, confirmLoan, copyLoans, getLoan, lendCopy, listLoans } from "../services/trades-loans.js";
import { authedProcedure, router } from "../trpc.js";

export const loansRouter = router({
  /** Lends a copy open to lending to a friend or club-mate until a due date. */
  lend: authedProcedure.input(lendCopyInput).mutation(({ ctx, input }) => lendCopy(ctx.db, ctx.user.id, input)),
  /** Each side confirms the hand-over, then the return. */
  confirm: authedProcedure
    .input(confirmLoanInput)
    .mutation(({ ctx, input }) => confirmLoan(ctx.db, ctx.user.id, input)),
  cancel: authedProcedure
    .input(loanIdInput)
    .mutation(({ ctx, input }) => cancelLoan(ctx.db, ctx.user.id, input.loanId)),
  get: authedProcedure.input(loanIdInput).query(({ ctx, input }) => getLoan(ctx.db, ctx.user.id, input.loanId)),
  /** Loans the caller made or received. */
  mine: authedProcedure.input(loansListInput).query(({ ctx, input }) => listLoans(ctx.db, ctx.user.id, input)),
  /** The loan history of one of the caller's copies. */
  forCopy: authedProcedure.input(copyLoansInput).query(({ ctx, input }) => copyLoans(ctx.db, ctx.user.id, input)),
});
