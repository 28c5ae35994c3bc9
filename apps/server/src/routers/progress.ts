import { pageInput, progressHistoryInput, setRacingInput, updateProgressInput } from "@booky/domain";
import { meetingStandingsOutput, myProgressOutput, racingOutput } from "../contracts/progress.js";
import { meetingStandings, myProgress, progressHistory, updateProgress } from "../services/progress.js";
import { setRacing } from "../services/racing.js";
import { meetingProcedure, meetingRoleProcedure, rest, router } from "../trpc.js";

export const progressRouter = router({
  /**
   * Reports the page reached, against the version it was based on: CONFLICT
   * with the current state in `error.data.current` when another device got
   * there first (see `updateProgress`).
   */
  update: meetingRoleProcedure("member")
    .meta(rest("POST", "/meetings/{meetingId}/progress", "Report the page reached", "progress:write"))
    .input(updateProgressInput)
    .output(myProgressOutput)
    .mutation(({ ctx, input }) => updateProgress(ctx.db, ctx.user.id, ctx.meeting, input)),

  /**
   * Joins or leaves the race (reading without racing: others see "reading", nobody can bet on you);
   * leaving refunds the open bets on you once, in the same transaction (see `setRacing`).
   */
  setRacing: meetingRoleProcedure("member")
    .meta(rest("POST", "/meetings/{meetingId}/racing", "Race, or read without racing", "progress:write"))
    .input(setRacingInput)
    .output(racingOutput)
    .mutation(({ ctx, input }) => setRacing(ctx.db, ctx.user.id, ctx.meeting.id, input.racing)),

  get: meetingProcedure
    .meta(rest("GET", "/meetings/{meetingId}/progress/mine", "My progress in a meeting's book"))
    .output(myProgressOutput)
    .query(({ ctx }) => myProgress(ctx.db, ctx.user.id, ctx.meeting)),

  /** Every attendee (RSVP going) with their page, percent and finish time; first finishers first. */
  forMeeting: meetingProcedure
    .meta(rest("GET", "/meetings/{meetingId}/progress", "Every attendee's progress, first finishers first"))
    .input(pageInput)
    .output(meetingStandingsOutput)
    .query(({ ctx, input }) => meetingStandings(ctx.db, ctx.user.id, ctx.meeting, input)),

  /** Points (page over time) for charts, oldest first; one member's or everyone's. */
  history: meetingProcedure
    .input(progressHistoryInput)
    .query(({ ctx, input }) => progressHistory(ctx.db, ctx.user.id, ctx.meeting.id, input)),
});
