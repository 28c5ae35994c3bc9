import { ledgerInput } from "@booky/domain";
import { pointsBalance, pointsLedger } from "../services/points.js";
import { authedProcedure, router } from "../trpc.js";

export const pointsRouter = router({
  /** The caller's balance and scores (all time and this month). */
  balance: authedProcedure.query(({ ctx }) => pointsBalance(ctx.db, ctx.user.id)),

  /** Every change to the caller's balance, newest first, with what caused it. */
  ledger: authedProcedure.input(ledgerInput).query(({ ctx, input }) => pointsLedger(ctx.db, ctx.user.id, input)),
});
