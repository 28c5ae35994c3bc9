import type { ContentModeration, SuspensionKind } from "./actions.js";
import { type CaseAction, SITE_ADMIN_ACTIONS } from "./actions.js";

export type ModeratorScope = "club" | "site";

/** Whether a moderator of this scope may take `action` on a case of `target` kind. */
export function actionAllowed(scope: ModeratorScope, action: CaseAction, target: "thread" | "comment" | "member") {
  if (scope === "club" && SITE_ADMIN_ACTIONS.includes(action)) return false;
  if (action === "remove_content") return target !== "member";
  return true;
}

/** When a mute or suspension of `days` days from `now` ends; null for a ban. */
export function sanctionEnd(now: Date, kind: SuspensionKind | "mute", days: number | null): Date | null {
  if (kind === "banned") return null;
  if (days === null || !Number.isInteger(days) || days < 1)
    throw new RangeError("a mute or suspension lasts whole days");
  return new Date(now.getTime() + days * 86_400_000);
}

/** Whether a sanction ending at `endsAt` (null: never) is still in force at `now`. */
export function inForce(endsAt: Date | null, now: Date): boolean {
  return endsAt === null || endsAt.getTime() > now.getTime();
}

/** The report that tips a text over the threshold hides it: exactly one report count equals it. */
export function tipsAutoHide(reporterCount: number, threshold: number): boolean {
  return threshold > 0 && reporterCount === threshold;
}

/**
 * The site-role guard: an admin never acts on their own account, and the
 * last active site admin can not be demoted, suspended or banned.
 */
export function siteActionRefusal(
  actorId: string,
  targetId: string,
  target: { isAdmin: boolean },
  activeAdminsBesidesTarget: number,
): "self" | "last_admin" | null {
  if (actorId === targetId) return "self";
  if (target.isAdmin && activeAdminsBesidesTarget === 0) return "last_admin";
  return null;
}

/** What a moderated text shows instead of its words; the reason is for its author (and moderators) only. */
export function moderationNotice(state: ContentModeration, reason: string | null, isAuthor: boolean) {
  const said = state === "removed" ? "Removed by the moderators" : "Hidden pending review";
  return { state, notice: said, reason: isAuthor ? reason : null };
}

/** The sentence a suspended or banned member reads at log-in, with the end date and how to appeal. */
export function suspensionMessage(kind: SuspensionKind, reason: string, endsAt: Date | null): string {
  const until = kind === "banned" || !endsAt ? "permanently banned" : `suspended until ${endsAt.toISOString()}`;
  return `This account is ${until}. Reason: ${reason}. To appeal, reply to the e-mail that told you or write to the site's support address.`;
}
