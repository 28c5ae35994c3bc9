import { clubMembers, clubs, readerSettings, type SQL, sql } from "@booky/db";
import { DEFAULT_STATUS_VISIBILITY, visibleShelfKinds } from "@booky/domain";
import { friendIdsOf } from "./friends.js";

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

const kindsOf = (viewer: "friend" | "other") =>
  sql.join(
    visibleShelfKinds(viewer).map((kind) => sql`${kind}`),
    sql`, `,
  );

/**
 * "The member in `owner` lets `viewerId` see their status shelves", the SQL
 * form of `canSeeShelf` over their `reader_settings`, for lists of other
 * members drawn from what they read ("readers like you").
 */
export function statusShelvesVisibleTo(viewerId: string, owner: SQL | { getSQL(): SQL }): SQL {
  const setting = sql`coalesce((select ${readerSettings.statusVisibility}::text from ${readerSettings}
    where ${readerSettings.userId} = ${owner}), ${DEFAULT_STATUS_VISIBILITY})`;
  return sql`(case when ${owner} in ${friendIdsOf(viewerId)} then ${setting} in (${kindsOf("friend")})
    else ${setting} in (${kindsOf("other")}) end)`;
}
