import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ActionGroup, Alert, Button, Card, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/** Pending requests to join a private club, oldest first, for its admins to decide. */
export function JoinRequests({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requests = useInfiniteQuery(
    trpc.clubs.listRequests.infiniteQueryOptions(
      { clubId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const approve = useMutation(trpc.clubs.approveRequest.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.clubs.declineRequest.mutationOptions({ onSettled: refresh }));
  const failed = [approve, decline].find((mutation) => mutation.isError);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Requests to join">
      {failed && (
        <div className="mb-3">
          <Alert>{errorMessage(failed.error)}</Alert>
        </div>
      )}
      {requests.isPending ? (
        <Skeleton className="h-16" />
      ) : requests.isError ? (
        <Alert>{errorMessage(requests.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState>No one is waiting. Readers who find the club in the directory can ask to join.</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((request) => {
            const busy = (mutation: { isPending: boolean; variables?: { requestId: string } }) =>
              mutation.isPending && mutation.variables?.requestId === request.id;
            return (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link to={`/u/${request.user.username}`} className="font-medium hover:underline">
                    {request.user.displayName}
                  </Link>{" "}
                  <span className="text-sm text-stone-600 dark:text-stone-400">
                    asked {request.createdAt.toLocaleDateString(undefined, { dateStyle: "medium" })}
                  </span>
                </span>
                <ActionGroup label={`Request from ${request.user.displayName}`}>
                  <Button
                    className="px-3 py-1"
                    busy={busy(approve)}
                    onClick={() => approve.mutate({ clubId, requestId: request.id })}
                  >
                    Approve
                  </Button>
                  <Button
                    variant="secondary"
                    className="px-3 py-1"
                    busy={busy(decline)}
                    onClick={() => decline.mutate({ clubId, requestId: request.id })}
                  >
                    Decline
                  </Button>
                </ActionGroup>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore query={requests} label="Show more requests" />
    </Card>
  );
}
