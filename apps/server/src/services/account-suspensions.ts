import { accountSuspensions, type Executor, eq, sql } from "@booky/db";
import { type SuspensionKind, suspensionMessage } from "@booky/domain";
import { AppError } from "../errors.js";
import { revokeUserSessions } from "./sessions.js";

/** The account's suspension or ban in force now, or null. */
export async function suspensionInForce(db: Executor, userId: string) {
  const [row] = await db
    .select({ kind: accountSuspensions.kind, reason: accountSuspensions.reason, endsAt: accountSuspensions.endsAt })
    .from(accountSuspensions)
    .where(
      sql`${accountSuspensions.userId} = ${userId} and (${accountSuspensions.endsAt} is null or ${accountSuspensions.endsAt} > now())`,
    );
  return row ?? null;
}

/** Log-in refuses a suspended or banned account with the reason and the end date (FORBIDDEN, with them as data). */
export async function refuseSuspended(db: Executor, userId: string): Promise<void> {
  const suspension = await suspensionInForce(db, userId);
  if (!suspension) return;
  throw new AppError("forbidden", suspensionMessage(suspension.kind, suspension.reason, suspension.endsAt), {
    current: suspension,
  });
}

/**
 * Suspends (until `endsAt`) or bans (`endsAt` null) an account, at once:
 * every session is revoked in the same transaction, and the session check of
 * every call (`findActiveSessionUser`) refuses the account's access tokens.
 */
export async function suspendAccount(
  tx: Executor,
  suspension: { userId: string; kind: SuspensionKind; reason: string; endsAt: Date | null; suspendedBy: string },
) {
  await tx
    .insert(accountSuspensions)
    .values(suspension)
    .onConflictDoUpdate({
      target: accountSuspensions.userId,
      set: {
        kind: suspension.kind,
        reason: suspension.reason,
        endsAt: suspension.endsAt,
        suspendedBy: suspension.suspendedBy,
        createdAt: sql`now()`,
      },
    });
  return revokeUserSessions(tx, suspension.userId, "suspended");
}

/** Lifts an account's suspension or ban; false when there was none. */
export async function liftSuspension(tx: Executor, userId: string): Promise<boolean> {
  const lifted = await tx
    .delete(accountSuspensions)
    .where(eq(accountSuspensions.userId, userId))
    .returning({ userId: accountSuspensions.userId });
  return lifted.length > 0;
}
