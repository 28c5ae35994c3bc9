import { markDatesInput, meetingIdInput, openDatePollInput, pickDateInput } from "@booky/domain";
import { getDatePoll, markDates, openDatePoll, pickDate } from "../services/date-polls.js";
import { meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

/** Date polls: a club admin offers times for a meeting, members mark those that suit them, the admin picks one. */
export const datePollsRouter = router({
  get: meetingProcedure.input(meetingIdInput).query(({ ctx }) => getDatePoll(ctx.db, ctx.meeting.id, ctx.user.id)),

  open: meetingRoleProcedure("admin")
    .input(openDatePollInput)
    .mutation(({ ctx, input }) => openDatePoll(ctx.db, ctx.user.id, ctx.meeting, input.times)),

  mark: meetingRoleProcedure("member")
    .input(markDatesInput)
    .mutation(({ ctx, input }) => markDates(ctx.db, ctx.user.id, ctx.meeting.id, input.optionIds)),

  pick: meetingRoleProcedure("admin")
    .input(pickDateInput)
    .mutation(({ ctx, input }) => pickDate(ctx.db, ctx.user.id, ctx.meeting, input.optionId)),
});
