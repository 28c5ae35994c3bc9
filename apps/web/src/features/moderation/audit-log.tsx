import { AUDIT_KINDS, type AuditKind } from "@booky/domain";
import { useSearchParams } from "react-router";
import { PagedList } from "../../components/paged-list";
import { Button, Card, SelectField, TextField } from "../../components/ui";
import { auditKindLabels } from "./labels";
import type { AuditEntry, Scope } from "./types";
import { useAudit } from "./use-moderation";

/** A day (YYYY-MM-DD, local) as the instant it starts; `after` the instant it ends. */
const dayBound = (day: string | null, after = false) =>
  day ? new Date(new Date(`${day}T00:00:00`).getTime() + (after ? 86_400_000 : 0)) : null;

/** The log's filters, kept in the address so a filtered log can be linked (a member's page links to theirs). */
function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return [params, set] as const;
}

/** The audit log of the scope, newest first, filtered by kind, dates (both days included), who acted and on whom. */
export function AuditLog({ scope }: { scope: Scope }) {
  const [params, set] = useFilterParams();
  const log = useAudit(scope, {
    kind: (params.get("kind") as AuditKind | null) || null,
    from: dayBound(params.get("from")),
    to: dayBound(params.get("to"), true),
    actorId: params.get("actor"),
    targetUserId: params.get("target"),
  });
  const picked = [
    ["actor", "Only the actions of one member"],
    ["target", "Only the actions on one member"],
  ] as const;

  return (
    <Card title="Audit log">
      <fieldset aria-label="Filters" className="mb-4 grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Kind"
          value={params.get("kind") ?? ""}
          onChange={(event) => set("kind", event.target.value)}
        >
          <option value="">Every kind</option>
          {AUDIT_KINDS.map((value) => (
            <option key={value} value={value}>
              {auditKindLabels[value]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={params.get("from") ?? ""}
          onChange={(event) => set("from", event.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={params.get("to") ?? ""}
          onChange={(event) => set("to", event.target.value)}
        />
        {picked.map(
          ([name, label]) =>
            params.get(name) && (
              <div key={name} className="flex items-center gap-2 text-sm sm:col-span-3">
                {label}
                <Button variant="secondary" className="px-3 py-1" onClick={() => set(name, null)}>
                  Show everyone
                </Button>
              </div>
            ),
        )}
      </fieldset>
      <PagedList
        query={log}
        label="Audit log entries"
        ordered
        empty="Nothing logged matches these filters."
        moreLabel="Older entries"
      >
        {(entry: AuditEntry) => (
          <AuditRow
            key={entry.id}
            entry={entry}
            onActor={(id) => set("actor", id)}
            onTarget={(id) => set("target", id)}
          />
        )}
      </PagedList>
    </Card>
  );
}

/** One entry: what, by whom (a button that filters on them), on whom, why, when. */
export function AuditRow({
  entry,
  onActor,
  onTarget,
}: {
  entry: AuditEntry;
  onActor?: (id: string) => void;
  onTarget?: (id: string) => void;
}) {
  const person = (who: { id: string; displayName: string }, pick: ((id: string) => void) | undefined, hint: string) =>
    pick ? (
      <button type="button" className="underline" title={hint} onClick={() => pick(who.id)}>
        {who.displayName}
      </button>
    ) : (
      <span className="font-medium">{who.displayName}</span>
    );
  return (
    <li className="flex flex-col gap-1 py-2 text-sm">
      <p>
        <span className="font-semibold">{auditKindLabels[entry.kind]}</span>
        {" by "}
        {entry.actor ? person(entry.actor, onActor, "Show only their actions") : "Booky"}
        {entry.targetUser && <> on {person(entry.targetUser, onTarget, "Show only the actions on them")}</>}
      </p>
      {entry.reason && <p className="break-words text-stone-700 dark:text-stone-300">“{entry.reason}”</p>}
      <p className="text-xs text-stone-600 dark:text-stone-400">{entry.createdAt.toLocaleString()}</p>
    </li>
  );
}
