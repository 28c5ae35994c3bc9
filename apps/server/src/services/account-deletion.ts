import {
  and,
  calendarFeeds,
  clubMembers,
  clubRequests,
  clubs,
  type Database,
  type Executor,
  eq,
  friendRequests,
  friendships,
  inArray,
  ne,
  or,
  sql,
} from "@booky/db";
import { ownedClubOnAccountDeletion } from "@booky/domain";
import { conflict, fieldError } from "../errors.js";
import { anonymizeUser, findPasswordHash } from "./accounts.js";
import { archivedNow } from "./clubs.js";
import { forgetMailOf } from "./mail-outbox.js";
import { withdrawUpcomingRsvps } from "./meetings.js";
import { endLiveStreams } from "./notifications-live.js";
import { verifyPassword } from "./passwords.js";

/**
 * Deletes an account as its owner would expect, inside the caller's
 * transaction: the account leaves every club (a club it owns alone is
 * archived; one with other members must be handed over first, else CONFLICT),
 * its pending club requests, invitations and friend requests, friendships,
 * answers to meetings still to come and calendar feeds go, and the user row
 * is anonymised. Past attendance and reading history stay, by "Deleted member".
 */
/** Deletes the caller's account once their password proves it is them; see `deleteAccount`. */
export async function deleteOwnAccount(db: Database, userId: string, password: string) {
  const hash = await findPasswordHash(db, userId);
  if (!(await verifyPassword(hash, password))) {
    throw fieldError("password", "Password is incorrect");
  }
  return db.transaction((tx) => deleteAccount(tx, userId));
}

export async function deleteAccount(tx: Executor, userId: string): Promise<{ archivedClubs: number }> {
  const archivedClubs = await archiveOwnedClubs(tx, userId);
  await leaveClubs(tx, userId);
  await tx.delete(clubRequests).where(and(eq(clubRequests.userId, userId), eq(clubRequests.status, "pending")));
  await tx
    .delete(friendRequests)
    .where(
      and(
        or(eq(friendRequests.fromUserId, userId), eq(friendRequests.toUserId, userId)),
        eq(friendRequests.status, "pending"),
      ),
    );
  await tx.delete(friendships).where(or(eq(friendships.userA, userId), eq(friendships.userB, userId)));
  await withdrawUpcomingRsvps(tx, userId);
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  await forgetMailOf(tx, userId);
  await anonymizeUser(tx, userId);
  await endLiveStreams(tx, userId);
  return { archivedClubs };
}

/**
 * Archives the clubs the user owns alone; refuses (CONFLICT, naming them)
 * when any owned club has other members. The rows are locked, so a member
 * joining meanwhile either counts here or finds the club archived.
 */
async function archiveOwnedClubs(tx: Executor, userId: string): Promise<number> {
  const owned = await tx
    .select({ id: clubs.id, name: clubs.name, memberCount: clubs.memberCount })
    .from(clubs)
    .where(eq(clubs.ownerId, userId))
    .orderBy(clubs.name)
    .for("update");
  const handOver = owned.filter((club) => ownedClubOnAccountDeletion(club.memberCount) === "transfer_first");
  if (handOver.length > 0) {
    const names = new Intl.ListFormat("en", { type: "conjunction" }).format(handOver.map((club) => `“${club.name}”`));
    const which = handOver.length === 1 ? "a club that has" : "clubs that have";
    throw conflict(`You own ${which} other members (${names}): transfer ownership before deleting your account`);
  }
  if (owned.length === 0) return 0;
  await tx
    .update(clubs)
    .set(archivedNow())
    .where(
      inArray(
        clubs.id,
        owned.map((club) => club.id),
      ),
    );
  return owned.length;
}

/** Every membership but ownership (an archived club keeps its owner), with the seat counts. */
async function leaveClubs(tx: Executor, userId: string): Promise<void> {
  const left = await tx
    .delete(clubMembers)
    .where(and(eq(clubMembers.userId, userId), ne(clubMembers.role, "owner")))
    .returning({ clubId: clubMembers.clubId });
  if (left.length === 0) return;
  await tx
    .update(clubs)
    .set({ memberCount: sql`${clubs.memberCount} - 1` })
    .where(
      inArray(
        clubs.id,
        left.map((row) => row.clubId),
      ),
    );
}
