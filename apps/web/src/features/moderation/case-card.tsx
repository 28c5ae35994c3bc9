import { Link } from "react-router";
import { PersonLink } from "../../components/person-link";
import { actionLabels, auditKindLabels, reasonLabels } from "./labels";
import type { Case, Scope } from "./types";

const targetLabels = { thread: "Thread", comment: "Comment", member: "Member" } as const;

/** A case as the queue lists it: what was reported, by how many, why, its author's record, and a link to its page. */
export function CaseSummary({ scope, item, linked = true }: { scope: Scope; item: Case; linked?: boolean }) {
  const total = item.reasons.reduce((sum, reason) => sum + reason.count, 0);
  const title = `${targetLabels[item.target]} by ${item.subject.displayName}`;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {linked ? (
          <Link to={`${scope.base}/cases/${item.id}`} className="font-semibold underline">
            {title}
          </Link>
        ) : (
          <span className="font-semibold">{title}</span>
        )}
        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold dark:bg-stone-800">
          {item.reporterCount} {item.reporterCount === 1 ? "reporter" : "reporters"}
        </span>
        {item.preview?.moderation && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {item.preview.moderation === "removed" ? "Removed" : "Hidden pending review"}
          </span>
        )}
        {scope.kind === "site" && (
          <span className="text-sm text-stone-600 dark:text-stone-400">in {item.club.name}</span>
        )}
      </div>
      {item.preview && (
        <blockquote className="border-l-4 border-stone-300 pl-3 text-sm dark:border-stone-700">
          {item.preview.title && <p className="font-semibold">{item.preview.title}</p>}
          <p className="break-words">{item.preview.excerpt}</p>
          {item.preview.threadId && (
            <Link to={`/clubs/${item.club.slug}/discussions/${item.preview.threadId}`} className="text-xs underline">
              Open the thread
            </Link>
          )}
        </blockquote>
      )}
      <ul aria-label="Reasons" className="flex flex-col gap-1 text-sm">
        {item.reasons.map((reason) => (
          <li key={reason.reason}>
            <span className="font-medium">{reasonLabels[reason.reason]}</span> × {reason.count}
            {reason.details.length > 0 && (
              <span className="text-stone-600 dark:text-stone-400"> — “{reason.details.join("”, “")}”</span>
            )}
          </li>
        ))}
        {total === 0 && <li>No report reason recorded.</li>}
      </ul>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Author: <PersonLink user={item.subject} className="underline" />
        {" · "}
        {item.authorHistory.length === 0
          ? "no earlier action"
          : item.authorHistory.map((entry) => `${auditKindLabels[entry.kind]} ${entry.count}×`).join(", ")}
        {" · last reported "}
        {item.lastReportedAt.toLocaleString()}
      </p>
      {item.status === "resolved" && item.resolution && (
        <p className="text-sm">
          Resolved: <span className="font-medium">{actionLabels[item.resolution]}</span>
          {item.resolutionReason && ` — ${item.resolutionReason}`}
        </p>
      )}
    </div>
  );
}
