import { CLUB_CATEGORIES, CLUB_ROLES, CLUB_VISIBILITIES, PENDING_STATUSES } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference, updatedAt } from "./columns.js";
import { constraint } from "./constraints.js";

export const clubVisibility = pgEnum("club_visibility", CLUB_VISIBILITIES);
export const clubRole = pgEnum("club_role", CLUB_ROLES);
export const clubCategory = pgEnum("club_category", CLUB_CATEGORIES);
export const clubRequestStatus = pgEnum("club_request_status", PENDING_STATUSES);

/**
 * `owner_id` makes "exactly one owner" structural: it is NOT NULL, a deferred
 * foreign key (clubs_owner_membership_fk, hand-written in the migration since
 * Drizzle cannot express a circular deferrable key) requires the owner's
 * membership row to say `owner`, and a partial unique index allows one such
 * row per club.
 */
export const clubs = pgTable(
  "clubs",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    category: clubCategory("category").notNull(),
    isOnline: boolean("is_online").notNull().default(false),
    location: text("location"),
    visibility: clubVisibility("visibility").notNull().default("public"),
    memberLimit: integer("member_limit").notNull().default(50),
    memberCount: integer("member_count").notNull().default(0),
    /** IANA zone where the club meets; each meeting keeps the zone it was scheduled in. */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Whether members may bet on the club's meetings; progress and rewards do not depend on it. */
    bettingEnabled: boolean("betting_enabled").notNull().default(true),
    ownerId: reference("owner_id", () => users.id),
    ownerRole: clubRole("owner_role").notNull().generatedAlwaysAs(sql`'owner'::club_role`),
    archivedAt: momentAt("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("clubs_member_limit_range", sql`${t.memberLimit} between 2 and 10000`),
    check(constraint.clubsMemberCountWithinLimit, sql`${t.memberCount} between 0 and ${t.memberLimit}`),
    check(constraint.clubsPlaceGiven, sql`${t.isOnline} or ${t.location} is not null`),
    index("clubs_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    index("clubs_category_idx").on(t.category),
  ],
);

export const clubMembers = pgTable(
  "club_members",
  {
    clubId: reference("club_id", () => clubs.id, "cascade"),
    userId: reference("user_id", () => users.id),
    role: clubRole("role").notNull().default("member"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: constraint.clubMembersPk, columns: [t.clubId, t.userId] }),
    uniqueIndex("club_members_club_user_role_key").on(t.clubId, t.userId, t.role),
    uniqueIndex("club_members_one_owner_key").on(t.clubId).where(sql`${t.role} = 'owner'`),
    index("club_members_user_id_idx").on(t.userId),
    index("club_members_club_role_joined_idx").on(t.clubId, t.role, t.joinedAt),
  ],
);

/** Ask to join a private club (an admin decides) or an invitation by an admin (the invitee decides). */
export const clubRequests = pgTable(
  "club_requests",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    userId: reference("user_id", () => users.id),
    kind: text("kind", { enum: ["request", "invite"] }).notNull(),
    invitedBy: uuid("invited_by").references(() => users.id),
    status: clubRequestStatus("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: momentAt("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("club_requests_kind", sql`${t.kind} in ('request', 'invite')`),
    check("club_requests_invite_has_inviter", sql`${t.kind} = 'request' or ${t.invitedBy} is not null`),
    uniqueIndex(constraint.clubRequestsOnePending).on(t.clubId, t.userId, t.kind).where(sql`${t.status} = 'pending'`),
    index("club_requests_club_status_idx").on(t.clubId, t.status, t.createdAt),
    index("club_requests_user_status_idx").on(t.userId, t.status),
  ],
);

export type Club = typeof clubs.$inferSelect;
export type ClubRole = (typeof clubRole.enumValues)[number];
