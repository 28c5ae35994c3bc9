import { actionAllowed, CASE_ACTIONS, type CaseAction } from "@booky/domain";
import { useState } from "react";
import { Alert, Button, SelectField, TextArea, TextField } from "../../components/ui";
import { errorMessage, fieldError } from "../../lib/errors";
import { actionLabels } from "./labels";
import type { Case, Scope } from "./types";
import { useAct } from "./use-moderation";

/** What a moderator does with an open case: an action the scope allows, a reason, and for a mute or suspension the days. */
export function ActForm({ scope, item }: { scope: Scope; item: Case }) {
  const act = useAct(scope);
  const actions = CASE_ACTIONS.filter((action) => actionAllowed(scope.kind, action, item.target));
  const [action, setAction] = useState<CaseAction>("dismiss");
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("7");
  const needsDays = action === "mute" || action === "suspend";
  const fieldErrors = { reason: fieldError(act.error, "reason"), days: fieldError(act.error, "days") };

  return (
    <form
      aria-label={`Act on the report about ${item.subject.displayName}`}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        act.mutate({ caseId: item.id, action, reason, days: needsDays ? Number(days) : null });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <SelectField label="Action" value={action} onChange={(event) => setAction(event.target.value as CaseAction)}>
          {actions.map((value) => (
            <option key={value} value={value}>
              {actionLabels[value]}
            </option>
          ))}
        </SelectField>
        {needsDays && (
          <TextField
            label="For how many days"
            type="number"
            min={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            error={fieldErrors.days}
          />
        )}
      </div>
      <TextArea
        label="Reason (the author and the reporters read it)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldErrors.reason}
      />
      {act.isError && !fieldErrors.reason && !fieldErrors.days && <Alert>{errorMessage(act.error)}</Alert>}
      {act.isSuccess && <Alert tone="success">Done: the case is resolved and everyone concerned is told.</Alert>}
      <div>
        <Button type="submit" busy={act.isPending} variant={action === "dismiss" ? "secondary" : "primary"}>
          Apply
        </Button>
      </div>
    </form>
  );
}
