import { and, clubMutes, type Database, type Executor, eq, gt, sql } from "@booky/db";
import { conflict, forbidden, notFound } from "../errors.js";
import type { Moderator } from "./moderation-actions.js";
import { appendAudit } from "./moderation-audit.js";
import { notify } from "./notifications.js";

/** FORBIDDEN while the member is muted in the club: they read it, but post nothing there. */
export async function requireNotMuted(db: Executor, clubId: string, userId: string): Promise<void> {
  const [mute] = await db
    .select({ endsAt: clubMutes.endsAt, reason: clubMutes.reason })
    .from(clubMutes)
    .where(and(eq(clubMutes.clubId, clubId), eq(clubMutes.userId, userId), gt(clubMutes.endsAt, sql`now()`)));
  if (mute) {
    throw forbidden(`You are muted in this club until ${mute.endsAt.toISOString()}. Reason: ${mute.reason}`);
  }
}

/** Mutes a member in a club until `endsAt` (a later mute replaces an earlier one). */
export async function muteInClub(
  db: Executor,
  mute: { clubId: string; userId: string; endsAt: Date; reason: string; mutedBy: string },
) {
  await db
    .insert(clubMutes)
    .values(mute)
    .onConflictDoUpdate({
      target: [clubMutes.clubId, clubMutes.userId],
      set: { endsAt: mute.endsAt, reason: mute.reason, mutedBy: mute.mutedBy, createdAt: sql`now()` },
    });
}

/** A moderator lifts a member's mute in force (CONFLICT when there is none); the member is told. */
export async function unmute(
  db: Database,
  moderator: Moderator,
  input: { clubId: string; userId: string; reason: string },
) {
  if (moderator.scope === "club" && moderator.clubId !== input.clubId) throw notFound("No such mute in this club");
  return db.transaction(async (tx) => {
    const lifted = await tx
      .delete(clubMutes)
      .where(
        and(eq(clubMutes.clubId, input.clubId), eq(clubMutes.userId, input.userId), gt(clubMutes.endsAt, sql`now()`)),
      )
      .returning({ userId: clubMutes.userId });
    if (lifted.length === 0) throw conflict("This member is not muted in this club");
    await appendAudit(tx, {
      actorId: moderator.userId,
      kind: "unmute",
      clubId: input.clubId,
      targetUserId: input.userId,
      reason: input.reason,
    });
    await notify(tx, [
      {
        actorId: moderator.userId,
        userId: input.userId,
        clubId: input.clubId,
        kind: "moderation",
        data: { action: "unmute", reason: input.reason, endsAt: null },
      },
    ]);
    return { unmuted: true };
  });
}
