import {
  and,
  type Club,
  type ClubRole,
  clubMembers,
  clubRequests,
  clubs,
  type Database,
  type Executor,
  eq,
  sql,
  users,
} from "@booky/db";
import { canLeave, canRemoveMember, canSetRole } from "@booky/domain";
import { conflict, forbidden, notFound } from "../errors.js";
import { findMemberByUsername, publicProfileColumns } from "./accounts.js";
import { addMember, findMemberRole, removeMembership } from "./clubs.js";
import { notifyClub, notifyOne } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { invitations, joinRequests } from "./pending-kinds.js";

/** The club a membership call is about and the caller's role in it (null for outsiders). */
export interface ClubCaller {
  club: Pick<Club, "id" | "visibility" | "archivedAt">;
  role: ClubRole | null;
  userId: string;
}

type Page = { cursor?: string | null | undefined; limit: number };

const requestsPager = definePager({ list: "clubs.listRequests", order: "asc", key: "timestamp" });
const invitesPager = definePager({ list: "clubs.myInvites", order: "asc", key: "timestamp" });
const membersPager = definePager({ list: "clubs.members", order: "asc", key: "text" });
const requestSort = { key: clubRequests.createdAt, id: clubRequests.id };
const pendingOfKind = (kind: "request" | "invite") =>
  and(eq(clubRequests.kind, kind), eq(clubRequests.status, "pending"));

const notAMember = () => notFound("This person is not a member of the club");

export async function joinClub(db: Database, { club, role, userId }: ClubCaller) {
  if (role) throw conflict("You are already a member");
  if (club.visibility === "private") throw forbidden("Ask to join this private club");
  await db.transaction((tx) => addMember(tx, club.id, userId));
  return { role: "member" as const };
}

export async function requestToJoin(db: Executor, { club, role, userId }: ClubCaller) {
  if (role) throw conflict("You are already a member");
  if (club.visibility === "public") throw conflict("This club is public: join it directly");
  if (club.archivedAt) throw conflict("This club is archived");
  return db.transaction(async (tx) => {
    const [request] = await tx
      .insert(clubRequests)
      .values({ clubId: club.id, userId, kind: "request" })
      .returning({ id: clubRequests.id, status: clubRequests.status });
    await notifyClub(tx, club.id, { kind: "join_request", actorId: userId }, "admins");
    return request;
  });
}

/** The requester withdraws their own pending join request. */
export function cancelJoinRequest(db: Executor, userId: string, requestId: string) {
  const missing = "No pending request with this id from you";
  return joinRequests.settle(db, { id: requestId, decision: "cancelled", actor: { userId }, missing });
}

/** A club's pending join requests, oldest first. */
export async function listJoinRequests(db: Executor, clubId: string, page: Page) {
  const rows = await pageRows(
    db
      .select({ id: clubRequests.id, createdAt: clubRequests.createdAt, user: publicProfileColumns })
      .from(clubRequests)
      .innerJoin(users, eq(users.id, clubRequests.userId))
      .$dynamic(),
    requestsPager,
    requestSort,
    page,
    and(eq(clubRequests.clubId, clubId), pendingOfKind("request")),
  );
  return requestsPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const requestMissing = "No pending request with this id in this club";

export function approveJoinRequest(db: Database, clubId: string, adminId: string, requestId: string) {
  return db.transaction(async (tx) => {
    const request = await joinRequests.decide(tx, {
      id: requestId,
      decision: "accepted",
      actor: { userId: adminId, clubId },
      missing: requestMissing,
    });
    await addMember(tx, clubId, request.userId);
    await notifyOne(tx, request.userId, "join_decision", { actorId: adminId, clubId, data: { decision: "accepted" } });
    return { userId: request.userId, role: "member" as const };
  });
}

export function declineJoinRequest(db: Executor, clubId: string, adminId: string, requestId: string) {
  const actor = { userId: adminId, clubId };
  return db.transaction(async (tx) => {
    const request = await joinRequests.decide(tx, {
      id: requestId,
      decision: "declined",
      actor,
      missing: requestMissing,
    });
    await notifyOne(tx, request.userId, "join_decision", { actorId: adminId, clubId, data: { decision: "declined" } });
    return { ok: true as const };
  });
}

export async function inviteToClub(db: Executor, clubId: string, adminId: string, username: string) {
  const invitee = await findMemberByUsername(db, username);
  if (!invitee) throw notFound(`No member is called @${username}`);
  if (await findMemberRole(db, clubId, invitee.id)) throw conflict("Already a member of this club");
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .insert(clubRequests)
      .values({ clubId, userId: invitee.id, kind: "invite", invitedBy: adminId })
      .returning({ id: clubRequests.id, status: clubRequests.status });
    await notifyOne(tx, invitee.id, "club_invitation", { actorId: adminId, clubId });
    return invite;
  });
}

/** The user's pending invitations, oldest first, each with its club's name. */
export async function myInvites(db: Executor, userId: string, page: Page) {
  const rows = await pageRows(
    db
      .select({
        id: clubRequests.id,
        createdAt: clubRequests.createdAt,
        club: { id: clubs.id, slug: clubs.slug, name: clubs.name },
      })
      .from(clubRequests)
      .innerJoin(clubs, eq(clubs.id, clubRequests.clubId))
      .$dynamic(),
    invitesPager,
    requestSort,
    page,
    and(eq(clubRequests.userId, userId), pendingOfKind("invite")),
  );
  return invitesPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const inviteMissing = "No pending invitation with this id for you";

export function acceptInvite(db: Database, userId: string, requestId: string) {
  return db.transaction(async (tx) => {
    const invite = await invitations.decide(tx, {
      id: requestId,
      decision: "accepted",
      actor: { userId },
      missing: inviteMissing,
    });
    await addMember(tx, invite.clubId, userId);
    return { clubId: invite.clubId, role: "member" as const };
  });
}

export function declineInvite(db: Executor, userId: string, requestId: string) {
  return invitations.settle(db, { id: requestId, decision: "declined", actor: { userId }, missing: inviteMissing });
}

export async function leaveClub(db: Database, clubId: string, role: ClubRole, userId: string) {
  if (!canLeave(role)) throw conflict("Transfer ownership to another member before leaving");
  await db.transaction((tx) => removeMembership(tx, clubId, userId));
  return { ok: true as const };
}

export function removeMember(db: Database, clubId: string, role: ClubRole, userId: string) {
  return db.transaction(async (tx) => {
    const target = await findMemberRole(tx, clubId, userId);
    if (!target) throw notAMember();
    if (!canRemoveMember(role, target)) throw forbidden(`You cannot remove a club ${target}`);
    await removeMembership(tx, clubId, userId);
    return { ok: true as const };
  });
}

const membership = (clubId: string, userId: string) =>
  and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId));

export async function setMemberRole(
  db: Executor,
  clubId: string,
  role: ClubRole,
  input: { userId: string; role: "member" | "admin" },
) {
  const target = await findMemberRole(db, clubId, input.userId);
  if (!target) throw notAMember();
  if (!canSetRole(role, target, input.role))
    throw conflict(`This member is already ${target === "owner" ? "the owner" : `a ${target}`}`);
  await db.update(clubMembers).set({ role: input.role }).where(membership(clubId, input.userId));
  return { userId: input.userId, role: input.role };
}

/** The owner hands the club to another member and stays on as an admin. */
export function transferOwnership(db: Database, clubId: string, ownerId: string, toUserId: string) {
  return db.transaction(async (tx) => {
    if (toUserId === ownerId) throw conflict("You already own this club");
    const target = await findMemberRole(tx, clubId, toUserId);
    if (!target) throw notAMember();
    // Demote first: the partial unique index allows one owner row at a time.
    await tx.update(clubMembers).set({ role: "admin" }).where(membership(clubId, ownerId));
    await tx.update(clubMembers).set({ role: "owner" }).where(membership(clubId, toUserId));
    await tx.update(clubs).set({ ownerId: toUserId }).where(eq(clubs.id, clubId));
    return { ownerId: toUserId };
  });
}

/** Members with their roles, owner and admins first. */
export async function listMembers(db: Executor, clubId: string, page: Page) {
  const rank = sql<number>`case ${clubMembers.role} when 'owner' then 0 when 'admin' then 1 else 2 end`;
  const sortKey = sql<string>`${rank} || ':' || to_char(${clubMembers.joinedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  const sort = { key: sortKey, id: clubMembers.userId };
  const rows = await pageRows(
    db
      .select({ role: clubMembers.role, joinedAt: clubMembers.joinedAt, sortKey, user: publicProfileColumns })
      .from(clubMembers)
      .innerJoin(users, eq(users.id, clubMembers.userId))
      .$dynamic(),
    membersPager,
    sort,
    page,
    and(eq(clubMembers.clubId, clubId)),
  );
  return membersPager.page(rows, page.limit, (row) => ({ key: row.sortKey, id: row.user.id }));
}
