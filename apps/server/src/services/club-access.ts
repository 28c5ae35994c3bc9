import type { Executor } from "@booky/db";
import { type ClubRoleName, canSeeClubContent, type SiteRole } from "@booky/domain";
import { forbidden, notFound } from "../errors.js";
import { findClubWithRole } from "./clubs.js";

/**
 * Who may see what of a club, for the procedure builders in `trpc.ts` and for
 * services that take a club id in their input (the club leaderboard): one
 * check, so both answer alike.
 */

/** The club and the caller's role in it (null for outsiders); NOT_FOUND when there is no such club. */
export async function requireClub(db: Executor, clubId: string, userId: string) {
  const found = await findClubWithRole(db, clubId, userId);
  if (!found) throw notFound("No such club");
  return found;
}

/**
 * Club content (members, meetings, its leaderboard): any public club's; a
 * private club's only to its members and to site admins, who moderate.
 * FORBIDDEN with `message` (saying what was refused) otherwise.
 */
export function requireClubContent(
  club: { visibility: "public" | "private" },
  role: ClubRoleName | null,
  siteRole: SiteRole,
  message: string,
): void {
  if (!canSeeClubContent(club.visibility, role, siteRole)) throw forbidden(message);
}
