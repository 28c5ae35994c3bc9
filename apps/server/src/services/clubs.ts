import { randomBytes } from "node:crypto";
import {
  and,
  type Club,
  type ClubRole,
  clubMembers,
  clubs,
  type Executor,
  eq,
  ilike,
  isNull,
  lt,
  or,
  preparedQuery,
  type SQL,
  type SQLWrapper,
  sql,
} from "@booky/db";
import {
  canSeeClubContent,
  type createClubInput,
  type getClubInput,
  type listClubsInput,
  type SiteRole,
  slugify,
  slugWithSuffix,
} from "@booky/domain";
import type { z } from "zod";
import { conflict, notFound } from "../errors.js";
import { containing } from "./like-patterns.js";
import { withdrawUpcomingRsvps } from "./meetings.js";
import { definePager, pageRows } from "./pagination.js";

/** The user's membership row of the club being read, as a join condition on `clubs`. */
const membershipOf = (userId: string | SQLWrapper) =>
  and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, userId));

/** The club and the caller's role in it (null when not a member), in one query: every club procedure's first read. */
export async function findClubWithRole(db: Executor, clubId: string, userId: string) {
  const [row] = await clubWithRole(db, { clubId, userId });
  return row ?? null;
}

const clubWithRole = preparedQuery("club_with_role", (db) =>
  db
    .select({ club: clubs, role: clubMembers.role })
    .from(clubs)
    .leftJoin(clubMembers, membershipOf(sql.placeholder("userId")))
    .where(eq(clubs.id, sql.placeholder("clubId"))),
);

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

/** A club's directory card; `clubView` cuts it down for outsiders of a private club. */
/** What a club page or list shows of a club (the public pages too). */
export const clubSummaryColumns = {
  id: clubs.id,
  slug: clubs.slug,
  name: clubs.name,
  description: clubs.description,
  category: clubs.category,
  visibility: clubs.visibility,
  isOnline: clubs.isOnline,
  location: clubs.location,
  memberCount: clubs.memberCount,
  memberLimit: clubs.memberLimit,
  timeZone: clubs.timeZone,
  bettingEnabled: clubs.bettingEnabled,
  archivedAt: clubs.archivedAt,
  createdAt: clubs.createdAt,
};

type ClubRow = Pick<Club, "id" | "slug" | "name" | "description" | "visibility" | "category"> & {
  myRole: ClubRole | null;
};

/** Who reads: their id and site role (site admins see every club's content, to moderate). */
export interface Viewer {
  id: string;
  role: SiteRole;
}

/**
 * A club as the viewer may see it: everything (`access: "full"`), or for an
 * outsider of a private club its name and description only (`"limited"`).
 */
function clubView<T extends ClubRow>(row: T, siteRole: SiteRole) {
  if (canSeeClubContent(row.visibility, row.myRole, siteRole)) return { access: "full" as const, ...row };
  const { id, slug, name, description, visibility, category, myRole } = row;
  return { access: "limited" as const, id, slug, name, description, visibility, category, myRole };
}

async function insertClubWithUniqueSlug(db: Executor, values: Omit<typeof clubs.$inferInsert, "slug">) {
  // The plain slug first; on a clash, a random suffix (the unique index decides, not a prior read).
  for (const slug of [slugify(values.name), slugWithSuffix(values.name, randomBytes(3).toString("hex"))]) {
    const [club] = await db
      .insert(clubs)
      .values({ ...values, slug })
      .onConflictDoNothing({ target: clubs.slug })
      .returning();
    if (club) return club;
  }
  throw conflict("Could not find a free address for this club; try another name");
}

const clubsPager = definePager({ list: "clubs.list", order: "desc", key: "timestamp" });
const clubsSort = { key: clubs.createdAt, id: clubs.id };

/** A new club, owned by its creator (its first member). */
export function createClub(db: Executor, ownerId: string, input: z.output<typeof createClubInput>) {
  return db.transaction(async (tx) => {
    const club = await insertClubWithUniqueSlug(tx, { ...input, ownerId, memberCount: 1 });
    await tx.insert(clubMembers).values({ clubId: club.id, userId: ownerId, role: "owner" });
    return { ...club, myRole: "owner" as const };
  });
}

/** By id or slug. Outsiders of a private club get its name and description only (`access: "limited"`). */
export async function getClubForViewer(db: Executor, viewer: Viewer, input: z.output<typeof getClubInput>) {
  const [row] =
    "clubId" in input
      ? await viewedClubById(db, { key: input.clubId, userId: viewer.id })
      : await viewedClubBySlug(db, { key: input.slug, userId: viewer.id });
  if (!row) throw notFound("No such club");
  return clubView(row, viewer.role);
}

/** The club page's read, by id or by slug (`key`), with the caller's role: prepared, as it is read on every visit. */
const viewedClub = (by: "id" | "slug") =>
  preparedQuery(`viewed_club_by_${by}`, (db) =>
    db
      .select({ ...clubSummaryColumns, ownerId: clubs.ownerId, myRole: clubMembers.role })
      .from(clubs)
      .leftJoin(clubMembers, membershipOf(sql.placeholder("userId")))
      .where(eq(by === "id" ? clubs.id : clubs.slug, sql.placeholder("key"))),
  );
const viewedClubById = viewedClub("id");
const viewedClubBySlug = viewedClub("slug");

/** Clubs whose name or description contains `search` (LIKE wildcards in it taken literally). */
export function clubsMatching(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = containing(search);
  return or(ilike(clubs.name, pattern), ilike(clubs.description, pattern));
}

/** Newest first, keyset-paginated; private clubs are listed as `getClubForViewer` shows them. */
export async function listClubs(db: Executor, viewer: Viewer, input: z.output<typeof listClubsInput>) {
  const rows = await pageRows(
    db
      .select({ ...clubSummaryColumns, myRole: clubMembers.role })
      .from(clubs)
      .$dynamic()
      [input.mine ? "innerJoin" : "leftJoin"](clubMembers, membershipOf(viewer.id)),
    clubsPager,
    clubsSort,
    input,
    and(
      input.mine ? undefined : isNull(clubs.archivedAt),
      clubsMatching(input.search),
      input.category ? eq(clubs.category, input.category) : undefined,
      input.visibility ? eq(clubs.visibility, input.visibility) : undefined,
      input.isOnline === undefined ? undefined : eq(clubs.isOnline, input.isOnline),
    ),
  );
  const page = clubsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
  return { ...page, items: page.items.map((row) => clubView(row, viewer.role)) };
}

export async function updateClub(db: Executor, clubId: string, changes: Partial<typeof clubs.$inferInsert>) {
  const [club] = await db.update(clubs).set(changes).where(eq(clubs.id, clubId)).returning();
  if (!club) throw notFound("No such club");
  return club;
}

/** Archiving keeps the first archive time: archiving again changes nothing. */
export const archivedNow = () => ({ archivedAt: sql`coalesce(${clubs.archivedAt}, now())` });

/** Hides the club from the directory and closes it to new members; its history stays. */
export async function archiveClub(db: Executor, clubId: string) {
  const [club] = await db.update(clubs).set(archivedNow()).where(eq(clubs.id, clubId)).returning();
  return club;
}
