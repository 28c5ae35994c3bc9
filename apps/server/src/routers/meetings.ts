import {
  and,
  appendLedger,
  books,
  clubMembers,
  eq,
  gte,
  inArray,
  lt,
  meetingRsvps,
  meetings,
  type RsvpStatus,
  sql,
} from "@booky/db";
import {
  acceptsAttendance,
  acceptsRsvp,
  attendanceReward,
  createMeetingInput,
  isEditable,
  isInFuture,
  listForClubInput,
  myCalendarInput,
  placeOrLink,
  recordAttendanceInput,
  rsvpInput,
  updateMeetingInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { fieldError } from "../errors.js";
import { bookSummaryColumns, findBookSummary } from "../services/books/summary.js";
import { enqueueLeaderboardRefresh } from "../services/jobs.js";
import { transitionMeeting } from "../services/meetings.js";
import { definePager } from "../services/pagination.js";
import {
  authedProcedure,
  clubContentProcedure,
  clubRoleProcedure,
  meetingProcedure,
  meetingRoleProcedure,
  router,
} from "../trpc.js";

/**
 * The catalog book a meeting is about and the page count progress counts
 * against: the one given, else the catalog's; BAD_REQUEST on the field when
 * the book is unknown or neither knows the pages.
 */
async function resolveBook(ctx: Context, bookId: string, pageCount: number | null) {
  const book = await findBookSummary(ctx.db, bookId);
  if (!book) throw fieldError("bookId", "This book is not in the catalog");
  const bookPageCount = pageCount ?? book.pageCount;
  if (bookPageCount === null) {
    throw fieldError("bookPageCount", "The catalog does not know how many pages this book has: give the page count");
  }
  return { book, bookPageCount };
}

/** The meeting's columns with its book beside them, for lists (one statement, no N+1). */
const meetingWithBook = { meeting: meetings, book: bookSummaryColumns };
const flatten = <T extends { meeting: object; book: object }>(row: T) =>
  ({ ...row.meeting, book: row.book }) as T["meeting"] & { book: T["book"] };

const upcomingPager = definePager({ list: "meetings.upcoming", order: "asc", key: "timestamp" });
const pastPager = definePager({ list: "meetings.past", order: "desc", key: "timestamp" });
const calendarPager = definePager({ list: "meetings.myCalendar", order: "asc", key: "timestamp" });
const meetingSort = { key: meetings.startsAt, id: meetings.id };

export const meetingsRouter = router({
  create: clubRoleProcedure("admin")
    .input(createMeetingInput)
    .mutation(async ({ ctx, input }) => {
      if (!isInFuture(input.startsAt, new Date())) throw fieldError("startsAt", "The meeting must start in the future");
      const { book, bookPageCount } = await resolveBook(ctx, input.bookId, input.bookPageCount);
      const { clubId: _clubId, ...details } = input;
      const [meeting] = await ctx.db
        .insert(meetings)
        .values({
          ...details,
          bookPageCount,
          clubId: ctx.club.id,
          readingDeadline: input.readingDeadline ?? input.startsAt,
          createdBy: ctx.user.id,
        })
        .returning();
      if (!meeting) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The meeting was not saved" });
      return { ...meeting, book };
    }),

  /** The meeting with everyone's answers counted and the caller's own, in one aggregate over its RSVPs. */
  get: meetingProcedure.query(async ({ ctx }) => {
    const counted = (status: RsvpStatus) =>
      sql<number>`(count(*) filter (where ${meetingRsvps.status} = ${status}))::int`;
    // At most one RSVP per member and meeting (primary key): "min" and "bool_or" pick the caller's row.
    const mine = sql`${meetingRsvps.userId} = ${ctx.user.id}`;
    // The book and every RSVP in one statement (books.id is the key, so its columns may be selected beside the counts).
    const [summary] = await ctx.db
      .select({
        book: bookSummaryColumns,
        going: counted("going"),
        interested: counted("interested"),
        notGoing: counted("not_going"),
        myStatus: sql<RsvpStatus | null>`min(${meetingRsvps.status}) filter (where ${mine})`,
        myAttended: sql<boolean | null>`bool_or(${meetingRsvps.attended}) filter (where ${mine})`,
      })
      .from(books)
      .leftJoin(meetingRsvps, eq(meetingRsvps.meetingId, ctx.meeting.id))
      .where(eq(books.id, ctx.meeting.bookId))
      .groupBy(books.id);
    const rsvpCounts = {
      going: summary?.going ?? 0,
      interested: summary?.interested ?? 0,
      not_going: summary?.notGoing ?? 0,
    };
    const myRsvp = summary?.myStatus ? { status: summary.myStatus, attended: summary.myAttended } : null;
    const book = summary?.book ?? null;
    return { ...ctx.meeting, book, myRole: ctx.role, myRsvp, rsvpCounts };
  }),

  listForClub: clubContentProcedure.input(listForClubInput).query(async ({ ctx, input }) => {
    const upcoming = input.when === "upcoming";
    const pager = upcoming ? upcomingPager : pastPager;
    const rows = await ctx.db
      .select(meetingWithBook)
      .from(meetings)
      .innerJoin(books, eq(books.id, meetings.bookId))
      .where(
        and(
          eq(meetings.clubId, ctx.club.id),
          upcoming ? gte(meetings.startsAt, sql`now()`) : lt(meetings.startsAt, sql`now()`),
          pager.after(input.cursor, meetingSort),
        ),
      )
      .orderBy(...pager.orderBy(meetingSort))
      .limit(input.limit + 1);
    return pager.page(rows.map(flatten), input.limit, (row) => ({ key: row.startsAt, id: row.id }));
  }),

  update: meetingRoleProcedure("admin")
    .input(updateMeetingInput)
    .mutation(async ({ ctx, input }) => {
      if (!isEditable(ctx.meeting.status)) {
        throw new TRPCError({ code: "CONFLICT", message: `A ${ctx.meeting.status} meeting cannot be edited` });
      }
      const changes = { ...input.changes };
      const bookChanged = changes.bookId !== undefined && changes.bookId !== ctx.meeting.bookId;
      if (bookChanged || changes.bookPageCount === null) {
        // A new book takes its catalog page count unless one is given; null means "the catalog's".
        const resolved = await resolveBook(ctx, changes.bookId ?? ctx.meeting.bookId, changes.bookPageCount ?? null);
        changes.bookPageCount = resolved.bookPageCount;
      }
      const merged = { ...ctx.meeting, ...changes };
      if (input.changes.startsAt && !isInFuture(input.changes.startsAt, new Date())) {
        throw fieldError("startsAt", "The meeting must start in the future");
      }
      if (!placeOrLink(merged)) throw fieldError("place", "Give a place or a link");
      const deadline = merged.readingDeadline ?? merged.startsAt;
      if (deadline > merged.startsAt) {
        throw fieldError("readingDeadline", "The reading deadline cannot be after the meeting starts");
      }
      const { bookPageCount, ...rest } = changes;
      const [meeting] = await ctx.db
        .update(meetings)
        .set({ ...rest, ...(bookPageCount ? { bookPageCount } : {}), readingDeadline: deadline })
        .where(and(eq(meetings.id, ctx.meeting.id), eq(meetings.status, "scheduled")))
        .returning();
      if (!meeting) throw new TRPCError({ code: "CONFLICT", message: "The meeting changed state meanwhile" });
      return { ...meeting, book: await findBookSummary(ctx.db, meeting.bookId) };
    }),

  start: meetingRoleProcedure("admin").mutation(({ ctx }) => transitionMeeting(ctx.db, ctx.meeting.id, "active")),
  /** Ends the race: settlement pays the bets and finish rewards shortly after (a queued job). */
  close: meetingRoleProcedure("admin").mutation(({ ctx }) => transitionMeeting(ctx.db, ctx.meeting.id, "closed")),
  /** Calls the meeting off: every stake is refunded by the settlement job. */
  cancel: meetingRoleProcedure("admin").mutation(({ ctx }) => transitionMeeting(ctx.db, ctx.meeting.id, "cancelled")),

  rsvp: meetingRoleProcedure("member")
    .input(rsvpInput)
    .mutation(async ({ ctx, input }) => {
      if (!acceptsRsvp(ctx.meeting.status)) {
        throw new TRPCError({ code: "CONFLICT", message: `A ${ctx.meeting.status} meeting takes no more answers` });
      }
      const [rsvp] = await ctx.db
        .insert(meetingRsvps)
        .values({ meetingId: ctx.meeting.id, userId: ctx.user.id, status: input.status })
        .onConflictDoUpdate({
          target: [meetingRsvps.meetingId, meetingRsvps.userId],
          set: { status: input.status, updatedAt: sql`now()` },
        })
        .returning();
      return rsvp;
    }),

  /**
   * Marks who came, once the meeting has started; only the club's members can
   * be marked. Each attendee earns the attendance reward once.
   */
  recordAttendance: meetingRoleProcedure("admin")
    .input(recordAttendanceInput)
    .mutation(({ ctx, input }) => {
      if (!acceptsAttendance(ctx.meeting.status)) {
        throw new TRPCError({
          code: "CONFLICT",
          message: `Attendance is recorded once a meeting has started, not for a ${ctx.meeting.status} one`,
        });
      }
      return ctx.db.transaction(async (tx) => {
        const ids = [...new Set(input.attendance.map((row) => row.userId))];
        const members = await tx
          .select({ userId: clubMembers.userId })
          .from(clubMembers)
          .where(and(eq(clubMembers.clubId, ctx.meeting.clubId), inArray(clubMembers.userId, ids)));
        if (members.length !== ids.length) throw fieldError("attendance", "Only club members can be marked");
        const rows = input.attendance.map((row) => ({
          meetingId: ctx.meeting.id,
          userId: row.userId,
          status: "going" as const,
          attended: row.attended,
        }));
        await tx
          .insert(meetingRsvps)
          .values(rows)
          .onConflictDoUpdate({
            target: [meetingRsvps.meetingId, meetingRsvps.userId],
            set: { attended: sql`excluded.attended`, updatedAt: sql`now()` },
          });
        const rewards = await appendLedger(
          tx,
          rows.filter((row) => row.attended).map((row) => attendanceReward(ctx.meeting.id, row.userId)),
        );
        if (rewards.length > 0) await enqueueLeaderboardRefresh(tx);
        return { recorded: rows.length, rewarded: rewards.length };
      });
    }),

  /** The caller's meetings across their clubs in a date range, soonest first, with their answer. */
  myCalendar: authedProcedure.input(myCalendarInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({ meeting: meetings, book: bookSummaryColumns, myRsvp: meetingRsvps.status })
      .from(meetings)
      .innerJoin(books, eq(books.id, meetings.bookId))
      .innerJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, ctx.user.id)))
      .leftJoin(meetingRsvps, and(eq(meetingRsvps.meetingId, meetings.id), eq(meetingRsvps.userId, ctx.user.id)))
      .where(
        and(
          gte(meetings.startsAt, input.from),
          lt(meetings.startsAt, input.to),
          calendarPager.after(input.cursor, meetingSort),
        ),
      )
      .orderBy(...calendarPager.orderBy(meetingSort))
      .limit(input.limit + 1);
    return calendarPager.page(rows, input.limit, (row) => ({ key: row.meeting.startsAt, id: row.meeting.id }));
  }),
});
