import { and, eq, meetingRsvps, readingProgress, readingProgressHistory, sql, users } from "@booky/db";
import { judgeProgress, pageInput, percentRead, progressHistoryInput, updateProgressInput } from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { fieldError, staleError } from "../errors.js";
import { publicProfileColumns } from "../services/accounts.js";
import { definePager } from "../services/pagination.js";
import { meetingProcedure, meetingRoleProcedure, router } from "../trpc.js";

const progressColumns = {
  page: readingProgress.page,
  version: readingProgress.version,
  finishedAt: readingProgress.finishedAt,
  updatedAt: readingProgress.updatedAt,
};

const standingsPager = definePager({ list: "progress.forMeeting", order: "asc", key: "text" });
const historyPager = definePager({ list: "progress.history", order: "asc", key: "none", id: "serial" });
const historySort = { id: readingProgressHistory.id };

export const progressRouter = router({
  /**
   * Reports the page reached. The update names the version it was based on;
   * if someone (another device) got there first it answers CONFLICT with the
   * current state in `error.data.current`, and nothing changes.
   */
  update: meetingRoleProcedure("member")
    .input(updateProgressInput)
    .mutation(({ ctx, input }) => {
      const { meeting } = ctx;
      if (meeting.status !== "scheduled" && meeting.status !== "active") {
        throw new TRPCError({ code: "CONFLICT", message: `Progress is closed for a ${meeting.status} meeting` });
      }
      return ctx.db.transaction(async (tx) => {
        const [rsvp] = await tx
          .select({ status: meetingRsvps.status })
          .from(meetingRsvps)
          .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.userId, ctx.user.id)));
        if (rsvp?.status !== "going") {
          throw new TRPCError({ code: "FORBIDDEN", message: "Only attendees (RSVP going) report progress" });
        }
        const mine = and(eq(readingProgress.meetingId, meeting.id), eq(readingProgress.userId, ctx.user.id));
        const [current] = await tx.select(progressColumns).from(readingProgress).where(mine);
        if ((current?.version ?? 0) !== input.expectedVersion) {
          throw staleError("Your progress changed elsewhere; here is where it stands now", current ?? null);
        }
        const verdict = judgeProgress({
          current: current?.page ?? null,
          next: input.finished ? meeting.bookPageCount : (input.page ?? 0),
          pageCount: meeting.bookPageCount,
          correction: input.correction,
        });
        if (!verdict.ok) throw fieldError(verdict.field, verdict.message);
        const finishedAt = verdict.finished ? (current?.finishedAt ?? sql`now()`) : null;

        const [saved] = current
          ? await tx
              .update(readingProgress)
              .set({
                page: verdict.page,
                finishedAt,
                version: sql`${readingProgress.version} + 1`,
                updatedAt: sql`now()`,
              })
              .where(and(mine, eq(readingProgress.version, input.expectedVersion)))
              .returning(progressColumns)
          : await tx
              .insert(readingProgress)
              .values({ meetingId: meeting.id, userId: ctx.user.id, page: verdict.page, finishedAt })
              .onConflictDoNothing()
              .returning(progressColumns);
        if (!saved) {
          const [now] = await tx.select(progressColumns).from(readingProgress).where(mine);
          throw staleError("Your progress changed elsewhere; here is where it stands now", now ?? null);
        }
        await tx.insert(readingProgressHistory).values({
          meetingId: meeting.id,
          userId: ctx.user.id,
          page: verdict.page,
          correction: current !== undefined && verdict.page < current.page,
        });
        return {
          ...saved,
          percent: percentRead(saved.page, meeting.bookPageCount),
          finished: saved.finishedAt !== null,
        };
      });
    }),

  get: meetingProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db
      .select(progressColumns)
      .from(readingProgress)
      .where(and(eq(readingProgress.meetingId, ctx.meeting.id), eq(readingProgress.userId, ctx.user.id)));
    if (!row) return { page: 0, version: 0, finishedAt: null, updatedAt: null, percent: 0, finished: false };
    return { ...row, percent: percentRead(row.page, ctx.meeting.bookPageCount), finished: row.finishedAt !== null };
  }),

  /** Every attendee (RSVP going) with their page, percent and finish time; first finishers first. */
  forMeeting: meetingProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const page = sql<number>`coalesce(${readingProgress.page}, 0)`;
    // Sort: finished first (by time), then by pages read, then by id: a stable, total order.
    const sortKey = sql<string>`case when ${readingProgress.finishedAt} is null
      then '1:' || lpad((1000000 - ${page})::text, 7, '0')
      else '0:' || to_char(${readingProgress.finishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') end`;
    const sort = { key: sortKey, id: meetingRsvps.userId };
    const rows = await ctx.db
      .select({ user: publicProfileColumns, page, finishedAt: readingProgress.finishedAt, sortKey })
      .from(meetingRsvps)
      .innerJoin(users, eq(users.id, meetingRsvps.userId))
      .leftJoin(
        readingProgress,
        and(eq(readingProgress.meetingId, meetingRsvps.meetingId), eq(readingProgress.userId, meetingRsvps.userId)),
      )
      .where(
        and(
          eq(meetingRsvps.meetingId, ctx.meeting.id),
          eq(meetingRsvps.status, "going"),
          standingsPager.after(input.cursor, sort),
        ),
      )
      .orderBy(...standingsPager.orderBy(sort))
      .limit(input.limit + 1);
    const result = standingsPager.page(rows, input.limit, (row) => ({ key: row.sortKey, id: row.user.id }));
    return {
      bookPageCount: ctx.meeting.bookPageCount,
      nextCursor: result.nextCursor,
      items: result.items.map((row) => ({
        ...row,
        percent: percentRead(row.page, ctx.meeting.bookPageCount),
        finished: row.finishedAt !== null,
      })),
    };
  }),

  /** Points (page over time) for charts, oldest first; one member's or everyone's. */
  history: meetingProcedure.input(progressHistoryInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: readingProgressHistory.id,
        userId: readingProgressHistory.userId,
        page: readingProgressHistory.page,
        correction: readingProgressHistory.correction,
        recordedAt: readingProgressHistory.recordedAt,
      })
      .from(readingProgressHistory)
      .where(
        and(
          eq(readingProgressHistory.meetingId, ctx.meeting.id),
          input.userId ? eq(readingProgressHistory.userId, input.userId) : undefined,
          historyPager.after(input.cursor, historySort),
        ),
      )
      .orderBy(...historyPager.orderBy(historySort))
      .limit(input.limit + 1);
    return historyPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
  }),
});
