import { and, clubMembers, clubs, type Executor, eq, type Meeting, meetings } from "@booky/db";

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
 * Where other domains react to a meeting's end, inside the same transaction.
 * The bets issue plugs settlement (on close) and refunds (on cancel) in here.
 */
export const meetingLifecycle = {
  async closed(_tx: Executor, _meeting: Meeting): Promise<void> {},
  async cancelled(_tx: Executor, _meeting: Meeting): Promise<void> {},
};
