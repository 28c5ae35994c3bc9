import { PENDING_STATUSES } from "@booky/domain";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { constraint } from "./constraints.js";

export const friendRequestStatus = pgEnum("friend_request_status", PENDING_STATUSES);

/** One pending request per pair of people, whoever asked first (the index is on the unordered pair). */
export const friendRequests = pgTable(
  "friend_requests",
  {
    id: id(),
    fromUserId: reference("from_user_id", () => users.id),
    toUserId: reference("to_user_id", () => users.id),
    status: friendRequestStatus("status").notNull().default("pending"),
    createdAt: createdAt(),
    decidedAt: momentAt("decided_at"),
  },
  (t) => [
    check("friend_requests_not_self", sql`${t.fromUserId} <> ${t.toUserId}`),
    uniqueIndex(constraint.friendRequestsOnePendingPair)
      .on(sql`least(${t.fromUserId}, ${t.toUserId})`, sql`greatest(${t.fromUserId}, ${t.toUserId})`)
      .where(sql`${t.status} = 'pending'`),
    index("friend_requests_to_status_idx").on(t.toUserId, t.status, t.createdAt),
    index("friend_requests_from_status_idx").on(t.fromUserId, t.status, t.createdAt),
  ],
);

/** A friendship stored once per pair, smaller id first. */
export const friendships = pgTable(
  "friendships",
  {
    userA: reference("user_a", () => users.id),
    userB: reference("user_b", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userA, t.userB] }),
    check("friendships_ordered_pair", sql`${t.userA} < ${t.userB}`),
    index("friendships_user_b_idx").on(t.userB),
  ],
);
