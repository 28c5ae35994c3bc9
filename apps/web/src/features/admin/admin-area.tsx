import type { ReactNode } from "react";
import { NavLink, useParams } from "react-router";
import { Alert, PageTitle } from "../../components/ui";
import { useSession } from "../../lib/use-session";
import { AuditLog } from "../moderation/audit-log";
import { CaseView } from "../moderation/case-page";
import { ModerationQueue } from "../moderation/queue";
import type { Scope } from "../moderation/types";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
    isActive ? "border-brand-700 text-brand-800 dark:text-brand-100" : "border-transparent hover:border-stone-300"
  }`;

const sections = [
  ["/admin", "Dashboard"],
  ["/admin/queue", "Report queue"],
  ["/admin/members", "Members"],
  ["/admin/audit", "Audit log"],
] as const;

export const siteScope: Scope = { kind: "site", base: "/admin/queue" };

/** A page of the admin area: site admins only (the server refuses the others too), under the area's tabs. */
export function AdminArea({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession();
  if (session.status !== "authenticated" || session.user.role !== "admin") {
    return <Alert>Only site admins can open the admin area.</Alert>;
  }
  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle="Site administration">{title}</PageTitle>
      <nav aria-label="Admin area" className="flex flex-wrap gap-2 border-b border-stone-200 dark:border-stone-800">
        {sections.map(([to, label]) => (
          <NavLink key={to} to={to} end={to === "/admin"} className={tabClass}>
            {label}
          </NavLink>
        ))}
      </nav>
      {children}
    </div>
  );
}

/** `/admin/queue`: every club's reports. */
export function AdminQueuePage() {
  return (
    <AdminArea title="Report queue">
      <ModerationQueue scope={siteScope} />
    </AdminArea>
  );
}

/** `/admin/queue/cases/:caseId`: one case of any club, with its history. */
export function AdminCasePage() {
  const { caseId = "" } = useParams();
  return (
    <AdminArea title="Report">
      <CaseView scope={siteScope} caseId={caseId} />
    </AdminArea>
  );
}

/** `/admin/audit`: the whole audit log. */
export function AdminAuditPage() {
  return (
    <AdminArea title="Audit log">
      <AuditLog scope={siteScope} />
    </AdminArea>
  );
}
