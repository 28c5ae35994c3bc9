import { cancelBetInput, myBetsInput, placeBetInput } from "@booky/domain";
import { betPool, cancelBet, listMyBets, placeBet } from "../services/bets.js";
import { authedProcedure, meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

export const betsRouter = router({
  /** Stakes points on one attendee finishing first (see `placeBet`). */
  place: meetingRoleProcedure("member")
    .input(placeBetInput)
    .mutation(({ ctx, input }) => placeBet(ctx.db, ctx.user.id, ctx.meeting, input)),

  /** Takes a bet back before the meeting starts; the stake returns in full. */
  cancel: authedProcedure
    .input(cancelBetInput)
    .mutation(({ ctx, input }) => cancelBet(ctx.db, ctx.user.id, input.betId)),

  /** The pool: every attendee as a horse with its backing and implied odds, the caller's bet, the outcome. */
  forMeeting: meetingProcedure.query(({ ctx }) => betPool(ctx.db, ctx.user.id, ctx.meeting)),

  /** The caller's bets, newest first, with their meeting and outcome. */
  mine: authedProcedure.input(myBetsInput).query(({ ctx, input }) => listMyBets(ctx.db, ctx.user.id, input)),
});
