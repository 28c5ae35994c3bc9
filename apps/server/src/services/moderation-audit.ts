import { and, auditLog, type Executor, eq, gte, inArray, lt, users } from "@booky/db";
import type { auditFilter, SiteRole } from "@booky/domain";
import type { z } from "zod";
import { definePager, pageRows } from "./pagination.js";

/** One entry of the audit log: who (null: Booky itself), what, on what, why. */
export type AuditDraft = Omit<typeof auditLog.$inferInsert, "id" | "createdAt">;

/** Appends entries to the audit log, in the caller's transaction (the table refuses changes afterwards). */
export async function appendAudit(db: Executor, ...entries: AuditDraft[]): Promise<void> {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}

const auditPager = definePager({ list: "moderation.audit", order: "desc", key: "none", id: "serial" });

/**
 * The audit log, newest first, filtered by actor, target member, kind and
 * dates; `clubId` narrows it to one club (a club admin's view), `caseId`
 * to one case (its history on the case's page). Each filter
 * has an index led by its column and ordered by id.
 */
export async function listAudit(
  db: Executor,
  input: Partial<z.output<typeof auditFilter>> & { limit: number; clubId?: string | null; caseId?: string },
) {
  const rows = await pageRows(
    db.select().from(auditLog).$dynamic(),
    auditPager,
    { id: auditLog.id },
    input,
    and(
      input.clubId ? eq(auditLog.clubId, input.clubId) : undefined,
      input.caseId ? eq(auditLog.caseId, input.caseId) : undefined,
      input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
      input.targetUserId ? eq(auditLog.targetUserId, input.targetUserId) : undefined,
      input.kind ? eq(auditLog.kind, input.kind) : undefined,
      input.from ? gte(auditLog.createdAt, input.from) : undefined,
      input.to ? lt(auditLog.createdAt, input.to) : undefined,
    ),
  );
  const page = auditPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
  const people = await namesOf(
    db,
    page.items.flatMap((row) => [row.actorId, row.targetUserId]),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      ...row,
      id: String(row.id),
      actor: row.actorId ? (people.get(row.actorId) ?? null) : null,
      targetUser: row.targetUserId ? (people.get(row.targetUserId) ?? null) : null,
    })),
  };
}

/** Usernames and display names of the people named, in one query. */
export async function namesOf(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = wanted.length
    ? await db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A site admin reading a private club they are no member of reads as a
 * moderator, and that is logged (which procedure, which club).
 */
export async function logPrivateClubRead(
  db: Executor,
  read: { user: { id: string; role: SiteRole }; role: unknown; club: { id: string; visibility: string }; path: string },
) {
  if (read.user.role !== "admin" || read.role || read.club.visibility !== "private") return;
  await appendAudit(db, {
    actorId: read.user.id,
    kind: "read_private_club",
    clubId: read.club.id,
    data: { procedure: read.path },
  });
}
