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
  or,
  sql,
} from "@booky/db";
import {
  canSeeClubContent,
  createClubInput,
  getClubInput,
  listClubsInput,
  type SiteRole,
  slugify,
  slugWithSuffix,
  updateClubInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { definePager } from "../services/pagination.js";
import { authedProcedure, clubRoleProcedure, router } from "../trpc.js";
import { clubMembershipProcedures } from "./club-members.js";

/** A club's directory card; `clubView` cuts it down for outsiders of a private club. */
const clubSummaryColumns = {
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
  archivedAt: clubs.archivedAt,
  createdAt: clubs.createdAt,
};

type ClubRow = Pick<Club, "id" | "slug" | "name" | "description" | "visibility" | "category"> & {
  myRole: ClubRole | null;
};

/**
 * A club as the caller may see it: everything (`access: "full"`), or for an
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
  throw new TRPCError({ code: "CONFLICT", message: "Could not find a free address for this club; try another name" });
}

const clubsPager = definePager({ list: "clubs.list", order: "desc", key: "timestamp" });
const clubsSort = { key: clubs.createdAt, id: clubs.id };

export const clubsRouter = router({
  create: authedProcedure.input(createClubInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const club = await insertClubWithUniqueSlug(tx, {
        ...input,
        ownerId: ctx.user.id,
        memberCount: 1,
      });
      await tx.insert(clubMembers).values({ clubId: club.id, userId: ctx.user.id, role: "owner" });
      return { ...club, myRole: "owner" as const };
    }),
  ),

  /** By id or slug. Outsiders of a private club get its name and description only (`access: "limited"`). */
  get: authedProcedure.input(getClubInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({ ...clubSummaryColumns, ownerId: clubs.ownerId, myRole: clubMembers.role })
      .from(clubs)
      .leftJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, ctx.user.id)))
      .where("clubId" in input ? eq(clubs.id, input.clubId) : eq(clubs.slug, input.slug));
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such club" });
    return clubView(row, ctx.user.role);
  }),

  /** Newest first, keyset-paginated; private clubs are listed as `clubs.get` shows them (name and description). */
  list: authedProcedure.input(listClubsInput).query(async ({ ctx, input }) => {
    const pattern = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await ctx.db
      .select({ ...clubSummaryColumns, myRole: clubMembers.role })
      .from(clubs)
      [input.mine ? "innerJoin" : "leftJoin"](
        clubMembers,
        and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, ctx.user.id)),
      )
      .where(
        and(
          input.mine ? undefined : isNull(clubs.archivedAt),
          pattern ? or(ilike(clubs.name, pattern), ilike(clubs.description, pattern)) : undefined,
          input.category ? eq(clubs.category, input.category) : undefined,
          input.visibility ? eq(clubs.visibility, input.visibility) : undefined,
          input.isOnline === undefined ? undefined : eq(clubs.isOnline, input.isOnline),
          clubsPager.after(input.cursor, clubsSort),
        ),
      )
      .orderBy(...clubsPager.orderBy(clubsSort))
      .limit(input.limit + 1);
    const page = clubsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
    return { ...page, items: page.items.map((row) => clubView(row, ctx.user.role)) };
  }),

  update: clubRoleProcedure("admin")
    .input(updateClubInput)
    .mutation(async ({ ctx, input }) => {
      const [club] = await ctx.db.update(clubs).set(input.changes).where(eq(clubs.id, ctx.club.id)).returning();
      if (!club) throw new TRPCError({ code: "NOT_FOUND", message: "No such club" });
      return club;
    }),

  /** Hides the club from the directory and closes it to new members; its history stays. */
  archive: clubRoleProcedure("owner").mutation(async ({ ctx }) => {
    const [club] = await ctx.db
      .update(clubs)
      .set({ archivedAt: sql`coalesce(${clubs.archivedAt}, now())` })
      .where(eq(clubs.id, ctx.club.id))
      .returning();
    return club;
  }),

  ...clubMembershipProcedures,
});
