import { useState } from "react";
import { Link } from "react-router";
import { QueryView } from "../../components/query-view";
import { Alert, Button, Card, TextArea } from "../../components/ui";
import { errorMessage, fieldError } from "../../lib/errors";
import { ActForm } from "./act-form";
import { AuditRow } from "./audit-log";
import { CaseSummary } from "./case-card";
import type { CaseDetail, Scope } from "./types";
import { useCase, useRestoreContent } from "./use-moderation";

/** One case: what was reported and why, the action to take while it is open, and its history from the audit log. */
export function CaseView({ scope, caseId }: { scope: Scope; caseId: string }) {
  const found = useCase(scope, caseId);
  return (
    <div className="flex flex-col gap-6">
      <Link to={scope.base} className="text-sm underline">
        Back to the queue
      </Link>
      <QueryView query={found}>
        {(item) => (
          <>
            <Card title={item.status === "open" ? "Open case" : "Resolved case"}>
              <CaseSummary scope={scope} item={item} linked={false} />
            </Card>
            {item.status === "open" && (
              <Card title="Act on it">
                <ActForm scope={scope} item={item} />
              </Card>
            )}
            {item.status === "resolved" && item.preview?.moderation === "removed" && (
              <RestoreContent scope={scope} item={item} />
            )}
            <Card title="History">
              {item.history.length === 0 ? (
                <p className="text-stone-600 dark:text-stone-400">No action on this case yet.</p>
              ) : (
                <ol aria-label="History" className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
                  {item.history.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </ol>
              )}
            </Card>
          </>
        )}
      </QueryView>
    </div>
  );
}

/** Puts removed content back (on appeal, or a mistake), with a reason. */
function RestoreContent({ scope, item }: { scope: Scope; item: CaseDetail }) {
  const restore = useRestoreContent(scope);
  const [reason, setReason] = useState("");
  const kind = item.target === "thread" ? "thread" : "comment";
  const id = (kind === "thread" ? item.threadId : item.commentId) ?? "";
  return (
    <Card title="Restore the content">
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          restore.mutate({ clubId: item.club.id, kind, id, reason });
        }}
      >
        <TextArea
          label="Why it comes back"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={fieldError(restore.error, "reason")}
        />
        {restore.isError && !fieldError(restore.error, "reason") && <Alert>{errorMessage(restore.error)}</Alert>}
        {restore.isSuccess && <Alert tone="success">Restored: members read it again.</Alert>}
        <div>
          <Button type="submit" variant="secondary" busy={restore.isPending}>
            Restore
          </Button>
        </div>
      </form>
    </Card>
  );
}
