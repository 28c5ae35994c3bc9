import { meetingIdInput, milestoneIdInput, setScheduleInput } from "@booky/domain";
import { getSchedule, myStanding, openMilestoneThread, setSchedule } from "../services/schedules.js";
import { meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

/** Reading schedules: readers of the meeting's club see them and who is on track; club admins set them. */
export const schedulesRouter = router({
  get: meetingProcedure.input(meetingIdInput).query(({ ctx }) => getSchedule(ctx.db, ctx.user.id, ctx.meeting.id)),

  /** The caller's own standing (the home page's badge): null without a schedule or when not going. */
  mine: meetingProcedure.input(meetingIdInput).query(({ ctx }) => myStanding(ctx.db, ctx.meeting.id, ctx.user.id)),

  set: meetingRoleProcedure("admin")
    .input(setScheduleInput)
    .mutation(({ ctx, input }) => setSchedule(ctx.db, ctx.meeting, input.milestones)),

  /** Opens a milestone's discussion thread, its spoiler page the milestone's end. */
  openThread: meetingRoleProcedure("admin")
    .input(milestoneIdInput)
    .mutation(({ ctx, input }) =>
      openMilestoneThread(ctx.db, { userId: ctx.user.id, role: ctx.role }, ctx.meeting, input.milestoneId),
    ),
});
