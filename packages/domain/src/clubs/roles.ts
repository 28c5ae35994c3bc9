/** Who may do what in a club: the one place these rules live. */
export const CLUB_ROLES = ["member", "admin", "owner"] as const;
export type ClubRoleName = (typeof CLUB_ROLES)[number];

const rank: Record<ClubRoleName, number> = { member: 0, admin: 1, owner: 2 };

/** True when `role` is at least `required` (owner ⊃ admin ⊃ member). */
export function hasClubRole(role: ClubRoleName | null | undefined, required: ClubRoleName): boolean {
  return role != null && rank[role] >= rank[required];
}

/** Admins remove members; the owner removes anyone but themself (they transfer ownership instead). */
export function canRemoveMember(actor: ClubRoleName, target: ClubRoleName): boolean {
  return target !== "owner" && rank[actor] > rank[target];
}

/** Only the owner promotes members to admin or demotes admins; nobody changes the owner's role this way. */
export function canSetRole(actor: ClubRoleName, target: ClubRoleName, next: "member" | "admin"): boolean {
  return actor === "owner" && target !== "owner" && target !== next;
}

/** The owner cannot simply walk away: a club always has exactly one owner. */
export function canLeave(role: ClubRoleName): boolean {
  return role !== "owner";
}

/** Site-wide account roles: site admins moderate every club. */
export const SITE_ROLES = ["user", "admin"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/**
 * Outsiders see a private club's name and description only; members see
 * everything. Site admins read every club's content to moderate it, but hold
 * no club role by that: managing or taking part needs a membership.
 */
export function canSeeClubContent(
  visibility: "public" | "private",
  role: ClubRoleName | null,
  siteRole: SiteRole,
): boolean {
  return visibility === "public" || role !== null || siteRole === "admin";
}

/**
 * Deleting an account must not leave a club without a live owner: an owner
 * whose club has other members transfers it first; a club of one is archived.
 */
export function ownedClubOnAccountDeletion(memberCount: number): "archive" | "transfer_first" {
  return memberCount > 1 ? "transfer_first" : "archive";
}
