import { type ClubRoleName, hasClubRole } from "@booky/domain";
import { NavLink } from "react-router";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
    isActive ? "border-brand-700 text-brand-800 dark:text-brand-100" : "border-transparent hover:border-stone-300"
  }`;

/**
 * The tabs of a club or a meeting: what it is, its discussion, and (a club's) the polls choosing its next book
 * and, for its owner and admins (the caller's `role`), its moderation.
 */
export function DiscussionTabs({ base, label, role }: { base: string; label: string; role?: ClubRoleName | null }) {
  return (
    <nav aria-label={label} className="flex gap-2 border-b border-stone-200 dark:border-stone-800">
      <NavLink to={base} end className={tabClass}>
        Overview
      </NavLink>
      <NavLink to={`${base}/discussion`} className={tabClass}>
        Discussion
      </NavLink>
      {label === "Club" && (
        <NavLink to={`${base}/polls`} className={tabClass}>
          Next book
        </NavLink>
      )}
      {label === "Club" && hasClubRole(role, "admin") && (
        <NavLink to={`${base}/moderation`} className={tabClass}>
          Moderation
        </NavLink>
      )}
    </nav>
  );
}
