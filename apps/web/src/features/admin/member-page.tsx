import type { RouterOutputs } from "@booky/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { QueryView } from "../../components/query-view";
import { Alert, Button, Card, SelectField, TextArea, TextField } from "../../components/ui";
import { errorMessage, fieldError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { AuditRow } from "../moderation/audit-log";
import { AdminArea } from "./admin-area";
import { Standing } from "./standing";

type Detail = RouterOutputs["admin"]["member"];

/** `/admin/members/:userId`: one member's account, standing, reports and the actions taken on them; suspend, ban, restore, change role. */
export function AdminMemberPage() {
  const { userId = "" } = useParams();
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.member.queryOptions({ userId }));
  return (
    <AdminArea title="Member">
      <QueryView query={detail}>
        {(data) => (
          <div className="grid gap-6 md:grid-cols-2">
            <Card title={data.member.displayName}>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-stone-600 dark:text-stone-400">Username</dt>
                <dd>
                  <Link to={`/u/${data.member.username}`} className="underline">
                    @{data.member.username}
                  </Link>
                </dd>
                <dt className="text-stone-600 dark:text-stone-400">E-mail</dt>
                <dd className="break-all">{data.member.email}</dd>
                <dt className="text-stone-600 dark:text-stone-400">Site role</dt>
                <dd>{data.member.role === "admin" ? "Site admin" : "Member"}</dd>
                <dt className="text-stone-600 dark:text-stone-400">Joined</dt>
                <dd>{data.member.createdAt.toLocaleDateString()}</dd>
                <dt className="text-stone-600 dark:text-stone-400">Reports about them</dt>
                <dd>
                  {data.cases.open} open, {data.cases.resolved} resolved
                </dd>
                <dt className="text-stone-600 dark:text-stone-400">Standing</dt>
                <dd>
                  <Standing suspension={data.member.suspension} />
                  {data.member.suspension && <p className="mt-1">“{data.member.suspension.reason}”</p>}
                </dd>
              </dl>
            </Card>
            <Card title="Actions taken on them">
              {data.actions.length === 0 ? (
                <p className="text-stone-600 dark:text-stone-400">No action yet.</p>
              ) : (
                <ol
                  aria-label="Actions taken"
                  className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800"
                >
                  {data.actions.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </ol>
              )}
              <Link to={`/admin/audit?target=${data.member.id}`} className="mt-3 inline-block text-sm underline">
                Everything in the audit log about them
              </Link>
            </Card>
            <SuspendCard detail={data} />
            <RoleCard detail={data} />
          </div>
        )}
      </QueryView>
    </AdminArea>
  );
}

function useRefreshAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
}

/** Suspend for a number of days or ban, with a reason; or lift what is in force. */
function SuspendCard({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const onSuccess = useRefreshAdmin();
  const suspend = useMutation(trpc.admin.suspend.mutationOptions({ onSuccess }));
  const restore = useMutation(trpc.admin.restoreAccount.mutationOptions({ onSuccess }));
  const [kind, setKind] = useState<"suspended" | "banned">("suspended");
  const [days, setDays] = useState("7");
  const [reason, setReason] = useState("");
  const userId = detail.member.id;
  const failed = suspend.error ?? restore.error;
  return (
    <Card title="Suspend, ban or restore">
      <form
        aria-label="Suspend or ban"
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          suspend.mutate({ userId, kind, reason, days: kind === "suspended" ? Number(days) : null });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Sanction" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <option value="suspended">Suspend for some days</option>
            <option value="banned">Ban for good</option>
          </SelectField>
          {kind === "suspended" && (
            <TextField
              label="Days"
              type="number"
              min={1}
              value={days}
              onChange={(event) => setDays(event.target.value)}
              error={fieldError(suspend.error, "days")}
            />
          )}
        </div>
        <TextArea
          label="Reason (the member reads it, with how to appeal)"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={fieldError(failed, "reason")}
        />
        {failed && !fieldError(failed, "reason") && !fieldError(failed, "days") && (
          <Alert>{errorMessage(failed)}</Alert>
        )}
        {suspend.isSuccess && (
          <Alert tone="success">
            Done: every session of the account is signed out ({suspend.data.revokedSessions} revoked).
          </Alert>
        )}
        {restore.isSuccess && <Alert tone="success">Restored: the member can log in again.</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" busy={suspend.isPending}>
            {kind === "banned" ? "Ban" : "Suspend"}
          </Button>
          {detail.member.suspension && (
            <Button variant="secondary" busy={restore.isPending} onClick={() => restore.mutate({ userId, reason })}>
              Restore the account
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

/** Make a member a site admin or take it back (the server keeps the last admin and refuses one's own account). */
function RoleCard({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const onSuccess = useRefreshAdmin();
  const setRole = useMutation(trpc.admin.setRole.mutationOptions({ onSuccess }));
  const [reason, setReason] = useState("");
  const next = detail.member.role === "admin" ? "user" : "admin";
  return (
    <Card title="Site role">
      <form
        aria-label="Site role"
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setRole.mutate({ userId: detail.member.id, role: next, reason });
        }}
      >
        <TextArea
          label="Reason for the change"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={fieldError(setRole.error, "reason")}
        />
        {setRole.isError && !fieldError(setRole.error, "reason") && <Alert>{errorMessage(setRole.error)}</Alert>}
        <div>
          <Button type="submit" variant="secondary" busy={setRole.isPending}>
            {next === "admin" ? "Make site admin" : "Take site admin away"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
