import { ledgerInput } from "@booky/domain";
import { balanceOutput, ledgerOutput } from "../contracts/points.js";
import { pointsBalance, pointsLedger } from "../services/points.js";
import { authedProcedure, rest, router } from "../trpc.js";

export const pointsRouter = router({
  /** The caller's balance and scores (all time and this month). */
  balance: authedProcedure
    .meta(rest("GET", "/points/balance", "My points balance and scores"))
    .output(balanceOutput)
    .query(({ ctx }) => pointsBalance(ctx.db, ctx.user.id)),

  /** Every change to the caller's balance, newest first, with what caused it. */
  ledger: authedProcedure
    .meta(rest("GET", "/points/ledger", "Every change to my balance, newest first"))
    .input(ledgerInput)
    .output(ledgerOutput)
    .query(({ ctx, input }) => pointsLedger(ctx.db, ctx.user.id, input)),
});
