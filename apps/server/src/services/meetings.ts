import {
  and,
  clubMembers,
  clubs,
  type Executor,
  eq,
  gt,
  inArray,
  type Meeting,
  meetingRsvps,
  meetings,
  sql,
} from "@booky/db";

/** The meeting, its club's visibility and the caller's role in that club, in one query. */
export async function findMeetingWithRole(db: Executor, meetingId: string, userId: string) {
  const [row] = await db
    .select({ meeting: meetings, visibility: clubs.visibility, role: clubMembers.role })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .leftJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, userId)))
    .where(eq(meetings.id, meetingId));
  return row ?? null;
}

/**
 * Withdraws someone's answers to meetings still to come, of one club (they
 * left it) or of every club (they deleted their account): they no longer
 * attend. Answers to past meetings stay as the record of who came.
 */
export async function withdrawUpcomingRsvps(db: Executor, userId: string, clubId?: string): Promise<void> {
  const upcoming = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(gt(meetings.startsAt, sql`now()`), clubId ? eq(meetings.clubId, clubId) : undefined));
  await db.delete(meetingRsvps).where(and(eq(meetingRsvps.userId, userId), inArray(meetingRsvps.meetingId, upcoming)));
}

/**
 * Where other domains react to a meeting's end, inside the same transaction.
 * The bets issue plugs settlement (on close) and refunds (on cancel) in here.
 */
export const meetingLifecycle = {
  async closed(_tx: Executor, _meeting: Meeting): Promise<void> {},
  async cancelled(_tx: Executor, _meeting: Meeting): Promise<void> {},
};
