import {
  and,
  type Executor,
  eq,
  type Meeting,
  meetingRsvps,
  preparedQuery,
  readingProgress,
  readingProgressHistory,
  sql,
  users,
} from "@booky/db";
import { acceptsProgress, judgeProgress, percentRead, revealsProgress } from "@booky/domain";
import { conflict, fieldError, forbidden, staleError } from "../errors.js";
import { publicProfileColumns } from "./accounts.js";
import { attendeesOf, isAttendee, progressRevealedTo } from "./attendance.js";
import { definePager, pageRows, preparedPage } from "./pagination.js";
import { raiseClubEvent } from "./webhooks.js";

const progressColumns = {
  page: readingProgress.page,
  version: readingProgress.version,
  finishedAt: readingProgress.finishedAt,
  updatedAt: readingProgress.updatedAt,
};

/** What an attendee's progress shows to those it is hidden from (`revealsProgress`): no page, not finished. */
const hiddenProgress = { page: 0, finishedAt: null };

/** A page reached, with what it means against the meeting's page count. */
const withPercent = <T extends { page: number; finishedAt: Date | null }>(row: T, bookPageCount: number) => ({
  percent: percentRead(row.page, bookPageCount),
  finished: row.finishedAt !== null,
  // Last: a literal adding properties after a spread takes V8's slow path (see meetingSummary in meetings.ts).
  ...row,
});

async function isRacing(db: Executor, meetingId: string, userId: string) {
  const [row] = await db
    .select({ racing: meetingRsvps.racing })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.userId, userId)));
  return row?.racing !== false;
}

const stale = (current: unknown) =>
  staleError("Your progress changed elsewhere; here is where it stands now", current ?? null);

/**
 * Reports the page reached. The update names the version it was based on;
 * if someone (another device) got there first it answers CONFLICT with the
 * current state in `error.data.current`, and nothing changes.
 */
export function updateProgress(
  db: Executor,
  userId: string,
  meeting: Meeting,
  input: { page?: number; finished?: boolean; expectedVersion: number; correction: boolean },
) {
  if (!acceptsProgress(meeting.status)) throw conflict(`Progress is closed for a ${meeting.status} meeting`);
  return db.transaction(async (tx) => {
    if (!(await isAttendee(tx, meeting.id, userId))) throw forbidden("Only attendees (RSVP going) report progress");
    const mine = { meetingId: meeting.id, userId };
    const [current] = await progressRow(tx, mine);
    if ((current?.version ?? 0) !== input.expectedVersion) throw stale(current);
    const verdict = judgeProgress({
      current: current?.page ?? null,
      next: input.finished ? meeting.bookPageCount : (input.page ?? 0),
      pageCount: meeting.bookPageCount,
      correction: input.correction,
    });
    if (!verdict.ok) throw fieldError(verdict.field, verdict.message);

    // Finishing keeps the first finish time (or stamps now); going back below the last page clears it.
    const report = { meetingId: meeting.id, userId, page: verdict.page, finished: verdict.finished };
    const [saved] = current
      ? await progressUpdate(tx, { ...report, expectedVersion: input.expectedVersion })
      : await progressInsert(tx, report);
    if (!saved) {
      const [now] = await progressRow(tx, mine);
      throw stale(now);
    }
    await progressHistoryInsert(tx, {
      meetingId: meeting.id,
      userId,
      page: verdict.page,
      correction: current !== undefined && verdict.page < current.page,
    });
    if (saved.finishedAt && !current?.finishedAt && (await isRacing(tx, meeting.id, userId))) {
      // The club's channels hear of racers finishing; one reading without racing keeps it to themselves.
      await raiseClubEvent(tx, meeting.clubId, "member.finished", { meetingId: meeting.id, userId });
    }
    return withPercent(saved, meeting.bookPageCount);
  });
}

// The statements of a progress report, prepared: one is sent on every page a reader reaches.
const placeholderMine = and(
  eq(readingProgress.meetingId, sql.placeholder("meetingId")),
  eq(readingProgress.userId, sql.placeholder("userId")),
);

const progressRow = preparedQuery("progress_row", (db) =>
  db.select(progressColumns).from(readingProgress).where(placeholderMine),
);

const progressUpdate = preparedQuery("progress_update", (db) =>
  db
    .update(readingProgress)
    .set({
      page: sql`${sql.placeholder("page")}`,
      finishedAt: sql`case when ${sql.placeholder("finished")} then coalesce(${readingProgress.finishedAt}, now()) end`,
      version: sql`${readingProgress.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(placeholderMine, eq(readingProgress.version, sql.placeholder("expectedVersion"))))
    .returning(progressColumns),
);

const progressInsert = preparedQuery("progress_insert", (db) =>
  db
    .insert(readingProgress)
    .values({
      meetingId: sql.placeholder("meetingId"),
      userId: sql.placeholder("userId"),
      page: sql.placeholder("page"),
      finishedAt: sql`case when ${sql.placeholder("finished")} then now() end`,
    })
    .onConflictDoNothing()
    .returning(progressColumns),
);

const progressHistoryInsert = preparedQuery("progress_history_insert", (db) =>
  db.insert(readingProgressHistory).values({
    meetingId: sql.placeholder("meetingId"),
    userId: sql.placeholder("userId"),
    page: sql.placeholder("page"),
    correction: sql.placeholder("correction"),
  }),
);

/** The caller's own progress (page 0, version 0 before the first report). */
export async function myProgress(db: Executor, userId: string, meeting: Meeting) {
  const [row] = await db
    .select(progressColumns)
    .from(readingProgress)
    .where(and(eq(readingProgress.meetingId, meeting.id), eq(readingProgress.userId, userId)));
  if (!row) return { page: 0, version: 0, finishedAt: null, updatedAt: null, percent: 0, finished: false };
  return withPercent(row, meeting.bookPageCount);
}

const standingsPager = definePager({ list: "progress.forMeeting", order: "asc", key: "int" });

/**
 * A page of the race board: one range of `meeting_rsvps_board_idx`, prepared (the meeting page polls it). Each
 * attendee's progress is a lateral lookup of its one row (`limit 1` keeps PostgreSQL from turning it into a join):
 * the plan PostgreSQL keeps for the statement then looks up the rows shown, where a join planned for any meeting
 * read every progress row of a big meeting for each attendee shown.
 */
const standingsPage = preparedPage(
  "meeting_standings",
  standingsPager,
  { key: meetingRsvps.boardStanding, id: meetingRsvps.userId },
  (db) => {
    const progress = db
      .select({ page: readingProgress.page, finishedAt: readingProgress.finishedAt })
      .from(readingProgress)
      .where(
        and(eq(readingProgress.meetingId, meetingRsvps.meetingId), eq(readingProgress.userId, meetingRsvps.userId)),
      )
      .limit(1)
      .as("progress");
    return db
      .select({
        user: publicProfileColumns,
        page: sql<number>`coalesce(${progress.page}, 0)`,
        finishedAt: progress.finishedAt,
        racing: meetingRsvps.racing,
        sortKey: meetingRsvps.boardStanding,
      })
      .from(meetingRsvps)
      .innerJoin(users, eq(users.id, meetingRsvps.userId))
      .leftJoinLateral(progress, sql`true`)
      .$dynamic();
  },
  attendeesOf(sql.placeholder("meetingId")),
);

/**
 * Every attendee with their page, percent and finish time; first finishers first, then by pages read,
 * then by id. The order is `meeting_rsvps.standing` (kept by triggers), so a page is one range of the
 * `meeting_rsvps_race_idx` index however many attend.
 */
export async function meetingStandings(
  db: Executor,
  viewerId: string | null,
  meeting: Meeting,
  page: { cursor?: string | null; limit: number },
) {
  const rows = await standingsPage(db, { meetingId: meeting.id }, page);
  const result = standingsPager.page(rows, page.limit, (row) => ({ key: row.sortKey, id: row.user.id }));
  return {
    bookPageCount: meeting.bookPageCount,
    nextCursor: result.nextCursor,
    // Spreads last or spread into spread, per row: added keys after a spread take V8's slow path (see withPercent).
    items: result.items.map((row) => {
      const revealed = revealsProgress(viewerId, { userId: row.user.id, racing: row.racing });
      return { revealed, ...withPercent(revealed ? row : { ...row, ...hiddenProgress }, meeting.bookPageCount) };
    }),
  };
}

const historyPager = definePager({ list: "progress.history", order: "asc", key: "none", id: "serial" });
const historySort = { id: readingProgressHistory.id };

/** Points (page over time) for charts, oldest first; one member's or everyone's. */
export async function progressHistory(
  db: Executor,
  viewerId: string,
  meetingId: string,
  input: { userId?: string; cursor?: string | null; limit: number },
) {
  const query = db
    .select({
      id: readingProgressHistory.id,
      userId: readingProgressHistory.userId,
      page: readingProgressHistory.page,
      correction: readingProgressHistory.correction,
      recordedAt: readingProgressHistory.recordedAt,
    })
    .from(readingProgressHistory)
    .$dynamic();
  const rows = await pageRows(
    query,
    historyPager,
    historySort,
    input,
    and(
      eq(readingProgressHistory.meetingId, meetingId),
      input.userId ? eq(readingProgressHistory.userId, input.userId) : undefined,
      progressRevealedTo(viewerId, readingProgressHistory.meetingId, readingProgressHistory.userId),
    ),
  );
  return historyPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
}
