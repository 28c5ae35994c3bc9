import { accountSuspensions, and, type Executor, eq, isNull, sql, users } from "@booky/db";
import { siteActionRefusal } from "@booky/domain";
import { conflict, forbidden, notFound } from "../errors.js";

/**
 * Before a site admin acts on an account: never their own, never the last
 * active site admin. Every live admin's row is locked first (in id order, so
 * two admins acting on each other queue up instead of deadlocking) and the
 * actor's own standing is read again under the lock: of two admins demoting
 * or suspending each other at once, the second finds itself no longer an
 * admin and is refused, so one admin always remains.
 */
export async function guardSiteAction(tx: Executor, actorId: string, targetId: string) {
  if (actorId === targetId) throw forbidden("You cannot act on your own account");
  const admins = await tx
    .select({ id: users.id, suspended: sql<boolean>`${accountSuspensions.userId} is not null` })
    .from(users)
    .leftJoin(
      accountSuspensions,
      and(
        eq(accountSuspensions.userId, users.id),
        sql`(${accountSuspensions.endsAt} is null or ${accountSuspensions.endsAt} > now())`,
      ),
    )
    .where(and(eq(users.role, "admin"), isNull(users.deletedAt)))
    .orderBy(users.id)
    .for("update", { of: users });
  const active = admins.filter((admin) => !admin.suspended);
  if (!active.some((admin) => admin.id === actorId)) throw forbidden("Only site admins can do this");
  const [target] = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, targetId), isNull(users.deletedAt)));
  if (!target) throw notFound("No such member");
  const besides = active.filter((admin) => admin.id !== targetId).length;
  if (siteActionRefusal(actorId, targetId, { isAdmin: target.role === "admin" }, besides) === "last_admin") {
    throw conflict("This is the last site admin: make another member an admin first");
  }
  return target;
}
