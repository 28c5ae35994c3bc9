import type { CaseStatus } from "@booky/domain";
import { useState } from "react";
import { PagedList } from "../../components/paged-list";
import { Button, Card } from "../../components/ui";
import { ActForm } from "./act-form";
import { CaseSummary } from "./case-card";
import type { Case, Scope } from "./types";
import { useQueue } from "./use-moderation";

/** The report queue of the scope: open cases (what needs a look), or resolved ones; each open one can be acted on here. */
export function ModerationQueue({ scope }: { scope: Scope }) {
  const [status, setStatus] = useState<CaseStatus>("open");
  const queue = useQueue(scope, status);
  return (
    <Card title={status === "open" ? "Open reports" : "Resolved reports"}>
      <fieldset aria-label="Which reports" className="mb-3 flex gap-2">
        {(["open", "resolved"] as const).map((value) => (
          <Button
            key={value}
            variant={status === value ? "primary" : "secondary"}
            className="px-3 py-1"
            aria-pressed={status === value}
            onClick={() => setStatus(value)}
          >
            {value === "open" ? "Open" : "Resolved"}
          </Button>
        ))}
      </fieldset>
      <PagedList
        query={queue}
        label="Reports"
        empty={status === "open" ? "Nothing to review: no open report." : "No resolved report yet."}
        moreLabel="More reports"
      >
        {(item: Case) => (
          <li key={item.id} className="flex flex-col gap-3 py-3">
            <CaseSummary scope={scope} item={item} />
            {item.status === "open" && (
              <details>
                <summary className="cursor-pointer text-sm font-medium underline">
                  Act on the report about {item.subject.displayName}
                </summary>
                <div className="mt-3">
                  <ActForm scope={scope} item={item} />
                </div>
              </details>
            )}
          </li>
        )}
      </PagedList>
    </Card>
  );
}
