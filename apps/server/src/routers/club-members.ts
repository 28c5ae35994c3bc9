import { clubMemberInput, inviteInput, listMembersInput, pageInput, requestIdInput, setRoleInput } from "@booky/domain";
import { clubMembersOutput, joinClubOutput } from "../contracts/clubs.js";
import {
  acceptInvite,
  approveJoinRequest,
  cancelJoinRequest,
  declineInvite,
  declineJoinRequest,
  inviteToClub,
  joinClub,
  leaveClub,
  listJoinRequests,
  listMembers,
  myInvites,
  removeMember,
  requestToJoin,
  setMemberRole,
  transferOwnership,
} from "../services/club-membership.js";
import { authedProcedure, clubContentProcedure, clubProcedure, clubRoleProcedure, rest } from "../trpc.js";

/** Joining, leaving, requests, invitations and roles: merged into the `clubs` router. */
export const clubMembershipProcedures = {
  join: clubProcedure
    .meta(rest("POST", "/clubs/{clubId}/members", "Join a public club", "clubs:write"))
    .output(joinClubOutput)
    .mutation(({ ctx }) => joinClub(ctx.db, { club: ctx.club, role: ctx.role, userId: ctx.user.id })),

  requestToJoin: clubProcedure
    .meta({ scope: "clubs:write" })
    .mutation(({ ctx }) => requestToJoin(ctx.db, { club: ctx.club, role: ctx.role, userId: ctx.user.id })),

  /** The requester withdraws their own pending join request. */
  cancelRequest: authedProcedure
    .input(requestIdInput)
    .mutation(({ ctx, input }) => cancelJoinRequest(ctx.db, ctx.user.id, input.requestId)),

  listRequests: clubRoleProcedure("admin")
    .input(pageInput)
    .query(({ ctx, input }) => listJoinRequests(ctx.db, ctx.club.id, input)),

  approveRequest: clubRoleProcedure("admin")
    .input(requestIdInput)
    .mutation(({ ctx, input }) => approveJoinRequest(ctx.db, ctx.club.id, ctx.user.id, input.requestId)),

  declineRequest: clubRoleProcedure("admin")
    .input(requestIdInput)
    .mutation(({ ctx, input }) => declineJoinRequest(ctx.db, ctx.club.id, ctx.user.id, input.requestId)),

  invite: clubRoleProcedure("admin")
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteToClub(ctx.db, ctx.club.id, ctx.user.id, input.username)),

  /** The caller's pending invitations, oldest first, each with its club's name. */
  myInvites: authedProcedure.input(pageInput).query(({ ctx, input }) => myInvites(ctx.db, ctx.user.id, input)),

  acceptInvite: authedProcedure
    .input(requestIdInput)
    .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.user.id, input.requestId)),

  declineInvite: authedProcedure
    .input(requestIdInput)
    .mutation(({ ctx, input }) => declineInvite(ctx.db, ctx.user.id, input.requestId)),

  leave: clubRoleProcedure("member")
    .meta({ scope: "clubs:write" })
    .mutation(({ ctx }) => leaveClub(ctx.db, ctx.club.id, ctx.role, ctx.user.id)),

  removeMember: clubRoleProcedure("admin")
    .input(clubMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.club.id, ctx.role, input.userId)),

  setRole: clubRoleProcedure("owner")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.club.id, ctx.role, input)),

  /** The owner hands the club to another member and stays on as an admin. */
  transferOwnership: clubRoleProcedure("owner")
    .input(clubMemberInput)
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.club.id, ctx.user.id, input.userId)),

  /** Members with their roles, owner and admins first. */
  members: clubContentProcedure
    .meta(rest("GET", "/clubs/{clubId}/members", "A club's members, owner and admins first"))
    .input(listMembersInput)
    .output(clubMembersOutput)
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.club.id, input)),
};
