import { and, clubMembers, clubRequests, clubs, eq, sql, users } from "@booky/db";
import {
  canLeave,
  canRemoveMember,
  canSetRole,
  clubMemberInput,
  inviteInput,
  listMembersInput,
  pageInput,
  requestIdInput,
  setRoleInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { findMemberByUsername, publicProfileColumns } from "../services/accounts.js";
import { addMember, decidePendingRequest, findMemberRole, removeMembership } from "../services/clubs.js";
import { definePager } from "../services/pagination.js";
import { authedProcedure, clubContentProcedure, clubProcedure, clubRoleProcedure } from "../trpc.js";

const conflict = (message: string) => new TRPCError({ code: "CONFLICT", message });
const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

const requestsPager = definePager({ list: "clubs.listRequests", order: "asc", key: "timestamp" });
const invitesPager = definePager({ list: "clubs.myInvites", order: "asc", key: "timestamp" });
const membersPager = definePager({ list: "clubs.members", order: "asc", key: "text" });
const requestSort = { key: clubRequests.createdAt, id: clubRequests.id };

/** Joining, leaving, requests, invitations and roles: merged into the `clubs` router. */
export const clubMembershipProcedures = {
  join: clubProcedure.mutation(async ({ ctx }) => {
    if (ctx.role) throw conflict("You are already a member");
    if (ctx.club.visibility === "private")
      throw new TRPCError({ code: "FORBIDDEN", message: "Ask to join this private club" });
    await ctx.db.transaction((tx) => addMember(tx, ctx.club.id, ctx.user.id));
    return { role: "member" as const };
  }),

  requestToJoin: clubProcedure.mutation(async ({ ctx }) => {
    if (ctx.role) throw conflict("You are already a member");
    if (ctx.club.visibility === "public") throw conflict("This club is public: join it directly");
    if (ctx.club.archivedAt) throw conflict("This club is archived");
    const [request] = await ctx.db
      .insert(clubRequests)
      .values({ clubId: ctx.club.id, userId: ctx.user.id, kind: "request" })
      .returning({ id: clubRequests.id, status: clubRequests.status });
    return request;
  }),

  listRequests: clubRoleProcedure("admin")
    .input(pageInput)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .select({
          id: clubRequests.id,
          createdAt: clubRequests.createdAt,
          user: publicProfileColumns,
        })
        .from(clubRequests)
        .innerJoin(users, eq(users.id, clubRequests.userId))
        .where(
          and(
            eq(clubRequests.clubId, ctx.club.id),
            eq(clubRequests.kind, "request"),
            eq(clubRequests.status, "pending"),
            requestsPager.after(input.cursor, requestSort),
          ),
        )
        .orderBy(...requestsPager.orderBy(requestSort))
        .limit(input.limit + 1);
      return requestsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
    }),

  approveRequest: clubRoleProcedure("admin")
    .input(requestIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const request = await decidePendingRequest(tx, {
          requestId: input.requestId,
          kind: "request",
          scope: { clubId: ctx.club.id },
          status: "accepted",
          decidedBy: ctx.user.id,
        });
        if (!request) throw notFound("No pending request with this id in this club");
        await addMember(tx, ctx.club.id, request.userId);
        return { userId: request.userId, role: "member" as const };
      }),
    ),

  declineRequest: clubRoleProcedure("admin")
    .input(requestIdInput)
    .mutation(async ({ ctx, input }) => {
      const request = await decidePendingRequest(ctx.db, {
        requestId: input.requestId,
        kind: "request",
        scope: { clubId: ctx.club.id },
        status: "declined",
        decidedBy: ctx.user.id,
      });
      if (!request) throw notFound("No pending request with this id in this club");
      return { ok: true as const };
    }),

  invite: clubRoleProcedure("admin")
    .input(inviteInput)
    .mutation(async ({ ctx, input }) => {
      const invitee = await findMemberByUsername(ctx.db, input.username);
      if (!invitee) throw notFound(`No member is called @${input.username}`);
      if (await findMemberRole(ctx.db, ctx.club.id, invitee.id)) throw conflict("Already a member of this club");
      const [invite] = await ctx.db
        .insert(clubRequests)
        .values({ clubId: ctx.club.id, userId: invitee.id, kind: "invite", invitedBy: ctx.user.id })
        .returning({ id: clubRequests.id, status: clubRequests.status });
      return invite;
    }),

  /** The caller's pending invitations, oldest first, each with its club's name. */
  myInvites: authedProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: clubRequests.id,
        createdAt: clubRequests.createdAt,
        club: { id: clubs.id, slug: clubs.slug, name: clubs.name },
      })
      .from(clubRequests)
      .innerJoin(clubs, eq(clubs.id, clubRequests.clubId))
      .where(
        and(
          eq(clubRequests.userId, ctx.user.id),
          eq(clubRequests.kind, "invite"),
          eq(clubRequests.status, "pending"),
          invitesPager.after(input.cursor, requestSort),
        ),
      )
      .orderBy(...invitesPager.orderBy(requestSort))
      .limit(input.limit + 1);
    return invitesPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
  }),

  acceptInvite: authedProcedure.input(requestIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const invite = await decidePendingRequest(tx, {
        requestId: input.requestId,
        kind: "invite",
        scope: { userId: ctx.user.id },
        status: "accepted",
        decidedBy: ctx.user.id,
      });
      if (!invite) throw notFound("No pending invitation with this id for you");
      await addMember(tx, invite.clubId, ctx.user.id);
      return { clubId: invite.clubId, role: "member" as const };
    }),
  ),

  declineInvite: authedProcedure.input(requestIdInput).mutation(async ({ ctx, input }) => {
    const invite = await decidePendingRequest(ctx.db, {
      requestId: input.requestId,
      kind: "invite",
      scope: { userId: ctx.user.id },
      status: "declined",
      decidedBy: ctx.user.id,
    });
    if (!invite) throw notFound("No pending invitation with this id for you");
    return { ok: true as const };
  }),

  leave: clubRoleProcedure("member").mutation(async ({ ctx }) => {
    if (!canLeave(ctx.role)) throw conflict("Transfer ownership to another member before leaving");
    await ctx.db.transaction((tx) => removeMembership(tx, ctx.club.id, ctx.user.id));
    return { ok: true as const };
  }),

  removeMember: clubRoleProcedure("admin")
    .input(clubMemberInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const target = await findMemberRole(tx, ctx.club.id, input.userId);
        if (!target) throw notFound("This person is not a member of the club");
        if (!canRemoveMember(ctx.role, target)) {
          throw new TRPCError({ code: "FORBIDDEN", message: `You cannot remove a club ${target}` });
        }
        await removeMembership(tx, ctx.club.id, input.userId);
        return { ok: true as const };
      }),
    ),

  setRole: clubRoleProcedure("owner")
    .input(setRoleInput)
    .mutation(async ({ ctx, input }) => {
      const target = await findMemberRole(ctx.db, ctx.club.id, input.userId);
      if (!target) throw notFound("This person is not a member of the club");
      if (!canSetRole(ctx.role, target, input.role))
        throw conflict(`This member is already ${target === "owner" ? "the owner" : `a ${target}`}`);
      await ctx.db
        .update(clubMembers)
        .set({ role: input.role })
        .where(and(eq(clubMembers.clubId, ctx.club.id), eq(clubMembers.userId, input.userId)));
      return { userId: input.userId, role: input.role };
    }),

  /** The owner hands the club to another member and stays on as an admin. */
  transferOwnership: clubRoleProcedure("owner")
    .input(clubMemberInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (input.userId === ctx.user.id) throw conflict("You already own this club");
        const target = await findMemberRole(tx, ctx.club.id, input.userId);
        if (!target) throw notFound("This person is not a member of the club");
        // Demote first: the partial unique index allows one owner row at a time.
        const mine = and(eq(clubMembers.clubId, ctx.club.id), eq(clubMembers.userId, ctx.user.id));
        await tx.update(clubMembers).set({ role: "admin" }).where(mine);
        await tx
          .update(clubMembers)
          .set({ role: "owner" })
          .where(and(eq(clubMembers.clubId, ctx.club.id), eq(clubMembers.userId, input.userId)));
        await tx.update(clubs).set({ ownerId: input.userId }).where(eq(clubs.id, ctx.club.id));
        return { ownerId: input.userId };
      }),
    ),

  /** Members with their roles, owner and admins first. */
  members: clubContentProcedure.input(listMembersInput).query(async ({ ctx, input }) => {
    const rank = sql<number>`case ${clubMembers.role} when 'owner' then 0 when 'admin' then 1 else 2 end`;
    const sortKey = sql<string>`${rank} || ':' || to_char(${clubMembers.joinedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    const sort = { key: sortKey, id: clubMembers.userId };
    const rows = await ctx.db
      .select({ role: clubMembers.role, joinedAt: clubMembers.joinedAt, sortKey, user: publicProfileColumns })
      .from(clubMembers)
      .innerJoin(users, eq(users.id, clubMembers.userId))
      .where(and(eq(clubMembers.clubId, ctx.club.id), membersPager.after(input.cursor, sort)))
      .orderBy(...membersPager.orderBy(sort))
      .limit(input.limit + 1);
    return membersPager.page(rows, input.limit, (row) => ({ key: row.sortKey, id: row.user.id }));
  }),
};
