import {
  accountSuspensions,
  and,
  clubs,
  type Database,
  type Executor,
  eq,
  isNull,
  moderationCases,
  or,
  sql,
  users,
} from "@booky/db";
import {
  type clubArchiveInput,
  type memberSearchInput,
  type restoreAccountInput,
  sanctionEnd,
  type setSiteRoleInput,
  type suspendInput,
} from "@booky/domain";
import type { z } from "zod";
import { conflict, notFound } from "../errors.js";
import { liftSuspension, suspendAccount } from "./account-suspensions.js";
import { guardSiteAction } from "./admin-guard.js";
import { archivedNow } from "./clubs.js";
import { startingWith } from "./like-patterns.js";
import { appendAudit, listAudit } from "./moderation-audit.js";
import { notify } from "./notifications.js";
import { definePager, pageRows } from "./pagination.js";

/** A site admin suspends (for `days`) or bans an account, with a reason: it is signed out everywhere at once. */
export async function suspendMember(db: Database, adminId: string, input: z.output<typeof suspendInput>) {
  return db.transaction(async (tx) => {
    await guardSiteAction(tx, adminId, input.userId);
    const endsAt = sanctionEnd(new Date(), input.kind, input.days ?? null);
    const revokedSessions = await suspendAccount(tx, {
      userId: input.userId,
      kind: input.kind,
      reason: input.reason,
      endsAt,
      suspendedBy: adminId,
    });
    const action = input.kind === "banned" ? "ban" : "suspend";
    const data = { endsAt: endsAt?.toISOString() ?? null };
    await appendAudit(tx, { actorId: adminId, kind: action, targetUserId: input.userId, reason: input.reason, data });
    await notify(tx, [
      { actorId: adminId, userId: input.userId, kind: "moderation", data: { action, reason: input.reason, ...data } },
    ]);
    return { userId: input.userId, kind: input.kind, endsAt, revokedSessions };
  });
}

/** A site admin lifts a suspension or ban; CONFLICT when the account has none. */
export async function restoreAccount(db: Database, adminId: string, input: z.output<typeof restoreAccountInput>) {
  return db.transaction(async (tx) => {
    await guardSiteAction(tx, adminId, input.userId);
    if (!(await liftSuspension(tx, input.userId))) throw conflict("This account is neither suspended nor banned");
    await appendAudit(tx, {
      actorId: adminId,
      kind: "restore_account",
      targetUserId: input.userId,
      reason: input.reason,
    });
    await notify(tx, [
      {
        actorId: adminId,
        userId: input.userId,
        kind: "moderation",
        data: { action: "restore_account", reason: input.reason, endsAt: null },
      },
    ]);
    return { userId: input.userId, restored: true };
  });
}

/** A site admin changes another member's site role; the last active admin is never demoted. */
export async function setSiteRole(db: Database, adminId: string, input: z.output<typeof setSiteRoleInput>) {
  return db.transaction(async (tx) => {
    const target = await guardSiteAction(tx, adminId, input.userId);
    if (target.role === input.role) throw conflict(`This member's site role is already ${input.role}`);
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
    await appendAudit(tx, {
      actorId: adminId,
      kind: "set_site_role",
      targetUserId: input.userId,
      reason: input.reason,
      data: { from: target.role, to: input.role },
    });
    return { userId: input.userId, role: input.role };
  });
}

/** A site admin archives a club (hidden from the directory, read-only) or restores it. */
export async function setClubArchived(db: Database, adminId: string, input: z.output<typeof clubArchiveInput>) {
  return db.transaction(async (tx) => {
    const [club] = await tx
      .update(clubs)
      .set(input.archived ? archivedNow() : { archivedAt: null })
      .where(eq(clubs.id, input.clubId))
      .returning({ id: clubs.id, archivedAt: clubs.archivedAt });
    if (!club) throw notFound("No such club");
    await appendAudit(tx, {
      actorId: adminId,
      kind: input.archived ? "archive_club" : "restore_club",
      clubId: club.id,
      reason: input.reason,
    });
    return club;
  });
}

const membersPager = definePager({ list: "admin.members", order: "asc", key: "text" });
const memberColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  suspension: { kind: accountSuspensions.kind, reason: accountSuspensions.reason, endsAt: accountSuspensions.endsAt },
};

/** Members whose username, name or e-mail starts with the query, by username. */
export async function searchMembers(db: Executor, input: z.output<typeof memberSearchInput>) {
  const prefix = startingWith(input.query.toLowerCase());
  const rows = await pageRows(
    db
      .select(memberColumns)
      .from(users)
      .leftJoin(accountSuspensions, eq(accountSuspensions.userId, users.id))
      .$dynamic(),
    membersPager,
    { key: users.username, id: users.id },
    input,
    and(
      isNull(users.deletedAt),
      input.query
        ? or(
            sql`lower(${users.username}) like ${prefix}`,
            sql`lower(${users.displayName}) like ${prefix}`,
            sql`lower(${users.email}) like ${prefix}`,
          )
        : undefined,
    ),
  );
  const page = membersPager.page(rows, input.limit, (row) => ({ key: row.username, id: row.id }));
  return { nextCursor: page.nextCursor, items: page.items };
}

/** One member for the admin area: account, suspension, reports about them, and the latest actions on them. */
export async function memberDetail(db: Executor, userId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(users)
    .leftJoin(accountSuspensions, eq(accountSuspensions.userId, users.id))
    .where(eq(users.id, userId));
  if (!member) throw notFound("No such member");
  const [cases] = await db
    .select({
      open: sql<number>`count(*) filter (where ${moderationCases.status} = 'open')::int`,
      resolved: sql<number>`count(*) filter (where ${moderationCases.status} = 'resolved')::int`,
    })
    .from(moderationCases)
    .where(eq(moderationCases.subjectId, userId));
  const actions = await listAudit(db, { targetUserId: userId, limit: 20 });
  return { member, cases: cases ?? { open: 0, resolved: 0 }, actions: actions.items };
}
