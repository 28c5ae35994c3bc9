import { clubMembers, type Executor, friendships, type SQL, sql } from "@booky/db";
import { friendPair, type ShelfViewer } from "@booky/domain";
import { friendIdsOf } from "./friends.js";

/** Ids of members who share at least one club with the user, as a subquery. */
export const clubMateIdsOf = (userId: string): SQL =>
  sql`(select mate.user_id from ${clubMembers} mine
       join ${clubMembers} mate on mate.club_id = mine.club_id and mate.user_id <> mine.user_id
       where mine.user_id = ${userId})`;

/** "`column` is a friend or a club-mate of the user": the members whose shelves and copies they see. */
export const knownTo = (userId: string, column: SQL.Aliased | SQL | { getSQL(): SQL }): SQL =>
  sql`(${column} in ${friendIdsOf(userId)} or ${column} in ${clubMateIdsOf(userId)})`;

/** How `viewerId` stands to `ownerId`'s shelves. */
export async function shelfViewerOf(db: Executor, viewerId: string, ownerId: string): Promise<ShelfViewer> {
  if (viewerId === ownerId) return "owner";
  const pair = friendPair(viewerId, ownerId);
  const [friends] = await db.execute<{ yes: boolean }>(
    sql`select exists (select 1 from ${friendships} where user_a = ${pair.userA} and user_b = ${pair.userB}) as yes`,
  );
  return friends?.yes ? "friend" : "other";
}

/** Whether two members share a club or are friends: who may trade and lend with whom. */
export async function areAcquainted(db: Executor, one: string, other: string): Promise<boolean> {
  const [row] = await db.execute<{ yes: boolean }>(sql`select ${knownTo(one, sql`${other}::uuid`)} as yes`);
  return row?.yes ?? false;
}
