import { hasClubRole } from "@booky/domain";
import type { ReactNode } from "react";
import { NavLink, useParams } from "react-router";
import { Alert, PageTitle } from "../../components/ui";
import { type Club, ClubLoader } from "../clubs/club-loader";
import { DiscussionTabs } from "../discussions/tabs";
import { AuditLog } from "./audit-log";
import { CaseView } from "./case-page";
import { ModerationQueue } from "./queue";
import type { Scope } from "./types";

const subTabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1 text-sm font-medium ${
    isActive
      ? "bg-brand-100 text-brand-800 dark:bg-stone-800 dark:text-brand-100"
      : "hover:bg-stone-100 dark:hover:bg-stone-800"
  }`;

/** A club's moderation pages: for its owner and admins only; the queue and the club's audit log. */
function ClubModeration({ children }: { children: (scope: Scope, club: Club) => ReactNode }) {
  return (
    <ClubLoader skeleton="h-48">
      {(club, slug) => {
        const moderator = hasClubRole(club.myRole, "admin");
        const base = `/clubs/${slug}/moderation`;
        return (
          <div className="flex flex-col gap-6">
            <PageTitle subtitle="Moderation">{club.name}</PageTitle>
            <DiscussionTabs base={`/clubs/${slug}`} label="Club" role={club.myRole} />
            {moderator ? (
              <>
                <nav aria-label="Moderation" className="flex gap-2">
                  <NavLink to={base} end className={subTabClass}>
                    Report queue
                  </NavLink>
                  <NavLink to={`${base}/audit`} className={subTabClass}>
                    Audit log
                  </NavLink>
                </nav>
                {children({ kind: "club", clubId: club.id, base }, club)}
              </>
            ) : (
              <Alert tone="info">Only the club's owner and admins moderate it.</Alert>
            )}
          </div>
        );
      }}
    </ClubLoader>
  );
}

/** `/clubs/:slug/moderation`: the club's report queue. */
export function ClubModerationPage() {
  return <ClubModeration>{(scope) => <ModerationQueue scope={scope} />}</ClubModeration>;
}

/** `/clubs/:slug/moderation/audit`: what the club's moderators did, and Booky on its own (auto-hide). */
export function ClubAuditPage() {
  return <ClubModeration>{(scope) => <AuditLog scope={scope} />}</ClubModeration>;
}

/** `/clubs/:slug/moderation/cases/:caseId`: one case and its history. */
export function ClubCasePage() {
  const { caseId = "" } = useParams();
  return <ClubModeration>{(scope) => <CaseView scope={scope} caseId={caseId} />}</ClubModeration>;
}
