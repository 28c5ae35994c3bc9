import {
  createMeetingInput,
  listForClubInput,
  myCalendarInput,
  recordAttendanceInput,
  rsvpInput,
  updateMeetingInput,
} from "@booky/domain";
import { clubMeetingsOutput, meetingOutput, rsvpOutput } from "../contracts/meetings.js";
import { recordAttendance } from "../services/attendance.js";
import {
  createMeeting,
  listClubMeetings,
  meetingSummary,
  myCalendar,
  transitionMeeting,
  updateMeeting,
} from "../services/meetings.js";
import { answerRsvp } from "../services/racing.js";
import {
  authedProcedure,
  clubContentProcedure,
  clubRoleProcedure,
  meetingProcedure,
  meetingRoleProcedure,
  rest,
  router,
} from "../trpc.js";

export const meetingsRouter = router({
  create: clubRoleProcedure("admin")
    .input(createMeetingInput)
    .mutation(({ ctx, input: { clubId: _clubId, ...details } }) =>
      createMeeting(ctx.db, ctx.user.id, ctx.club.id, details),
    ),

  /** The meeting with everyone's answers counted and the caller's own. */
  get: meetingProcedure
    .meta(rest("GET", "/meetings/{meetingId}", "A meeting with its book and RSVP counts"))
    .output(meetingOutput)
    .query(({ ctx }) => meetingSummary(ctx.db, ctx.user.id, ctx.meeting, ctx.role)),

  listForClub: clubContentProcedure
    .meta(rest("GET", "/clubs/{clubId}/meetings", "A club's meetings to come or past"))
    .input(listForClubInput)
    .output(clubMeetingsOutput)
    .query(({ ctx, input }) => listClubMeetings(ctx.db, ctx.club.id, input)),

  update: meetingRoleProcedure("admin")
    .input(updateMeetingInput)
    .mutation(({ ctx, input }) => updateMeeting(ctx.db, ctx.meeting, input.changes)),

  start: meetingRoleProcedure("admin").mutation(({ ctx }) =>
    transitionMeeting(ctx.db, ctx.meeting.id, "active", ctx.user.id),
  ),
  /** Ends the race: settlement pays the bets and finish rewards shortly after (a queued job). */
  close: meetingRoleProcedure("admin").mutation(({ ctx }) =>
    transitionMeeting(ctx.db, ctx.meeting.id, "closed", ctx.user.id),
  ),
  /** Calls the meeting off: every stake is refunded by the settlement job. */
  cancel: meetingRoleProcedure("admin").mutation(({ ctx }) =>
    transitionMeeting(ctx.db, ctx.meeting.id, "cancelled", ctx.user.id),
  ),

  rsvp: meetingRoleProcedure("member")
    .meta(
      rest(
        "POST",
        "/meetings/{meetingId}/rsvp",
        "Answer a meeting: going, interested or not going; racing or reading without racing",
        "meetings:write",
      ),
    )
    .input(rsvpInput)
    .output(rsvpOutput)
    .mutation(({ ctx, input }) => answerRsvp(ctx.db, ctx.user.id, ctx.meeting.id, input)),

  /** Marks who came, once the meeting has started; each attendee earns the attendance reward once. */
  recordAttendance: meetingRoleProcedure("admin")
    .input(recordAttendanceInput)
    .mutation(({ ctx, input }) => recordAttendance(ctx.db, ctx.meeting, input.attendance)),

  /** The caller's meetings across their clubs in a date range, soonest first, with their answer. */
  myCalendar: authedProcedure.input(myCalendarInput).query(({ ctx, input }) => myCalendar(ctx.db, ctx.user.id, input)),
});
