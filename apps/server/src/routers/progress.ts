import { pageInput, progressHistoryInput, updateProgressInput } from "@booky/domain";
import { meetingStandingsOutput, myProgressOutput } from "../contracts/progress.js";
import { meetingStandings, myProgress, progressHistory, updateProgress } from "../services/progress.js";
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

  get: meetingProcedure
    .meta(rest("GET", "/meetings/{meetingId}/progress/mine", "My progress in a meeting's book"))
    .output(myProgressOutput)
    .query(({ ctx }) => myProgress(ctx.db, ctx.user.id, ctx.meeting)),

  /** Every attendee (RSVP going) with their page, percent and finish time; first finishers first. */
  forMeeting: meetingProcedure
    .meta(rest("GET", "/meetings/{meetingId}/progress", "Every attendee's progress, first finishers first"))
    .input(pageInput)
    .output(meetingStandingsOutput)
    .query(({ ctx, input }) => meetingStandings(ctx.db, ctx.meeting, input)),

  /** Points (page over time) for charts, oldest first; one member's or everyone's. */
  history: meetingProcedure
    .input(progressHistoryInput)
    .query(({ ctx, input }) => progressHistory(ctx.db, ctx.meeting.id, input)),
});
