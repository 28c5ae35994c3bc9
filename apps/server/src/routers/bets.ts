import { betPoolInput, cancelBetInput, myBetsInput, placeBetInput } from "@booky/domain";
import { betOutput, betPoolOutput } from "../contracts/bets.js";
import { betPool, cancelBet, listMyBets, placeBet } from "../services/bets.js";
import { authedProcedure, meetingProcedure, meetingRoleProcedure, rest, router } from "../trpc.js";

export const betsRouter = router({
  /** Stakes points on one attendee finishing first (see `placeBet`). */
  place: meetingRoleProcedure("member")
    .meta(rest("POST", "/meetings/{meetingId}/bets", "Stake points on an attendee finishing first", "bets:write"))
    .input(placeBetInput)
    .output(betOutput)
    .mutation(({ ctx, input }) => placeBet(ctx.db, ctx.user.id, ctx.meeting, input)),

  /** Takes a bet back before the meeting starts; the stake returns in full. */
  cancel: authedProcedure
    .meta({ scope: "bets:write" })
    .input(cancelBetInput)
    .mutation(({ ctx, input }) => cancelBet(ctx.db, ctx.user.id, input.betId)),

  /**
   * The pool, the caller's bet and the outcome, with a page of the horses (most backed first) and their odds;
   * `search` finds horses by name (the bet form's "Find an attendee").
   */
  forMeeting: meetingProcedure
    .meta(
      rest("GET", "/meetings/{meetingId}/bets", "The betting pool: a page of horses with odds, my bet, the outcome"),
    )
    .input(betPoolInput)
    .output(betPoolOutput)
    .query(({ ctx, input }) => betPool(ctx.db, ctx.user.id, ctx.meeting, input)),

  /** The caller's bets, newest first, with their meeting and outcome. */
  mine: authedProcedure.input(myBetsInput).query(({ ctx, input }) => listMyBets(ctx.db, ctx.user.id, input)),
});
