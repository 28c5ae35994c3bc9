import type { actInput, auditFilter, CaseStatus } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { byCursor } from "../../lib/pages";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import type { Scope } from "./types";

export type AuditFilter = Omit<z.input<typeof auditFilter>, "cursor" | "limit">;

/** The queue of the scope: a club's (`moderation.queue`) or every club's (`admin.queue`). */
export function useQueue(scope: Scope, status: CaseStatus) {
  const trpc = useTRPC();
  const club = scope.kind === "club" ? scope.clubId : null;
  const clubQueue = useInfiniteQuery({
    ...trpc.moderation.queue.infiniteQueryOptions({ clubId: club ?? "", status }, byCursor),
    enabled: club !== null,
  });
  const siteQueue = useInfiniteQuery({
    ...trpc.admin.queue.infiniteQueryOptions({ status }, byCursor),
    enabled: club === null,
  });
  return club !== null ? clubQueue : siteQueue;
}

/** One case with its history. */
export function useCase(scope: Scope, caseId: string) {
  const trpc = useTRPC();
  const club = scope.kind === "club" ? scope.clubId : null;
  const clubCase = useQuery({
    ...trpc.moderation.case.queryOptions({ clubId: club ?? "", caseId }),
    enabled: club !== null,
  });
  const siteCase = useQuery({ ...trpc.admin.case.queryOptions({ caseId }), enabled: club === null });
  return club !== null ? clubCase : siteCase;
}

/** The audit log of the scope, filtered. */
export function useAudit(scope: Scope, filter: AuditFilter) {
  const trpc = useTRPC();
  const club = scope.kind === "club" ? scope.clubId : null;
  const clubLog = useInfiniteQuery({
    ...trpc.moderation.audit.infiniteQueryOptions({ clubId: club ?? "", ...filter }, byCursor),
    enabled: club !== null,
  });
  const siteLog = useInfiniteQuery({
    ...trpc.admin.audit.infiniteQueryOptions(filter, byCursor),
    enabled: club === null,
  });
  return club !== null ? clubLog : siteLog;
}

/** Refreshes whatever a moderator's action may have changed: queues, cases, the log, the texts, the dashboard. */
export function useModerationRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [trpc.moderation.pathKey(), trpc.admin.pathKey(), trpc.discussions.pathKey()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** A moderator's action on a case, through the scope's router. */
export function useAct(scope: Scope) {
  const client = useTRPCClient();
  const onSuccess = useModerationRefresh();
  return useMutation({
    mutationFn: (input: z.input<typeof actInput>) =>
      scope.kind === "club"
        ? client.moderation.act.mutate({ ...input, clubId: scope.clubId })
        : client.admin.act.mutate(input),
    onSuccess,
  });
}

/** Puts removed or hidden content back, through the scope's router. */
export function useRestoreContent(scope: Scope) {
  const client = useTRPCClient();
  const onSuccess = useModerationRefresh();
  return useMutation({
    mutationFn: (input: { clubId: string; kind: "thread" | "comment"; id: string; reason: string }) =>
      scope.kind === "club"
        ? client.moderation.restoreContent.mutate(input)
        : client.admin.restoreContent.mutate(input),
    onSuccess,
  });
}
