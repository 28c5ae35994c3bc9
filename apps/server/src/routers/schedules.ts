import { meetingIdInput, setScheduleInput } from "@booky/domain";
import { getSchedule, setSchedule } from "../services/schedules.js";
import { meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

/** Reading schedules: readers of the meeting's club see them and who is on track; club admins set them. */
export const schedulesRouter = router({
  get: meetingProcedure.input(meetingIdInput).query(({ ctx }) => getSchedule(ctx.db, ctx.meeting.id)),

  set: meetingRoleProcedure("admin")
    .input(setScheduleInput)
    .mutation(({ ctx, input }) => setSchedule(ctx.db, ctx.meeting, input.milestones)),
});
