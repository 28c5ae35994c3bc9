import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { PagedListCard, Row } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { DecisionActions } from "../../components/row-actions";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

/** Pending requests to join a private club, oldest first, for its admins to decide. */
export function JoinRequests({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requests = useInfiniteQuery(trpc.clubs.listRequests.infiniteQueryOptions({ clubId, limit: 20 }, byCursor));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const approve = useMutation(trpc.clubs.approveRequest.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.clubs.declineRequest.mutationOptions({ onSettled: refresh }));

  return (
    <PagedListCard
      title="Requests to join"
      errors={[approve, decline]}
      query={requests}
      empty="No one is waiting. Readers who find the club in the directory can ask to join."
      moreLabel="Show more requests"
    >
      {(request) => (
        <Row key={request.id}>
          <span>
            <PersonLink user={request.user} />{" "}
            <span className="text-sm text-stone-600 dark:text-stone-400">
              asked {request.createdAt.toLocaleDateString(undefined, { dateStyle: "medium" })}
            </span>
          </span>
          <DecisionActions
            label={`Request from ${request.user.displayName}`}
            input={{ clubId, requestId: request.id }}
            by="requestId"
            accept={approve}
            acceptLabel="Approve"
            decline={decline}
          />
        </Row>
      )}
    </PagedListCard>
  );
}
