import { clubMembers, clubs, type SQL, sql } from "@booky/db";

/**
 * "A club whose content this user may see" as a condition on `clubs`: a
 * public club, or one the user belongs to. The one SQL form of the rule that
 * `canSeeClubContent` (in @booky/domain) states for a single club, for lists
 * that join clubs (book pages, friends' activity, leaderboards).
 */
export function clubVisibleTo(userId: string): SQL {
  return sql`(${clubs.visibility} = 'public' or exists (select 1 from ${clubMembers}
    where ${clubMembers.clubId} = ${clubs.id} and ${clubMembers.userId} = ${userId}))`;
}
