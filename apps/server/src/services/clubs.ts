import { and, type ClubRole, clubMembers, clubs, type Executor, eq, isNull, lt, sql } from "@booky/db";
import { conflict } from "../errors.js";
import { withdrawUpcomingRsvps } from "./meetings.js";

/** The club and the caller's role in it (null when not a member), in one query. */
export async function findClubWithRole(db: Executor, clubId: string, userId: string) {
  const [row] = await db
    .select({ club: clubs, role: clubMembers.role })
    .from(clubs)
    .leftJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, userId)))
    .where(eq(clubs.id, clubId));
  return row ?? null;
}

export async function findMemberRole(db: Executor, clubId: string, userId: string): Promise<ClubRole | null> {
  const [row] = await db
    .select({ role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)));
  return row?.role ?? null;
}

/**
 * Adds a member while holding the club's seat count: the conditional update
 * locks the club row, so concurrent joins queue and the limit always holds.
 */
export async function addMember(db: Executor, clubId: string, userId: string, role: ClubRole = "member") {
  const [seat] = await db
    .update(clubs)
    .set({ memberCount: sql`${clubs.memberCount} + 1` })
    .where(and(eq(clubs.id, clubId), lt(clubs.memberCount, clubs.memberLimit), isNull(clubs.archivedAt)))
    .returning({ id: clubs.id });
  if (!seat) throw conflict("This club is full or archived");
  await db.insert(clubMembers).values({ clubId, userId, role });
}

/** Ends a membership: the seat frees up and answers to the club's upcoming meetings are withdrawn. */
export async function removeMembership(db: Executor, clubId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
    .returning({ userId: clubMembers.userId });
  if (removed.length === 0) return false;
  await db
    .update(clubs)
    .set({ memberCount: sql`${clubs.memberCount} - 1` })
    .where(eq(clubs.id, clubId));
  await withdrawUpcomingRsvps(db, userId, clubId);
  return true;
}
