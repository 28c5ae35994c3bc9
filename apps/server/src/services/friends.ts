import { friendships, sql } from "@booky/db";

/** Ids of the user's friends, as a subquery. */
export const friendIdsOf = (userId: string) =>
  sql`(select case when ${friendships.userA} = ${userId} then ${friendships.userB} else ${friendships.userA} end
       from ${friendships} where ${friendships.userA} = ${userId} or ${friendships.userB} = ${userId})`;
