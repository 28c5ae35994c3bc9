import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ActionGroup, Alert, Button, Card, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useFriendActions } from "./use-friend-actions";

type Busy = { isPending: boolean; variables?: { requestId: string } | undefined };
const busyFor = (mutation: Busy, requestId: string) =>
  mutation.isPending && mutation.variables?.requestId === requestId;

/** Pending requests: incoming ones to accept or decline, outgoing ones to cancel. */
export function FriendRequests({ direction }: { direction: "incoming" | "outgoing" }) {
  const trpc = useTRPC();
  const { accept, decline, cancel } = useFriendActions();
  const requests = useInfiniteQuery(
    trpc.friends.requests.infiniteQueryOptions(
      { box: direction, limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor,
        // Others send and cancel requests: look again whenever the page opens.
        staleTime: 0,
      },
    ),
  );
  const failed = [accept, decline, cancel].find((mutation) => mutation.isError);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const incoming = direction === "incoming";

  return (
    <Card title={incoming ? "Requests for you" : "Requests you sent"}>
      {failed && (
        <div className="mb-3">
          <Alert>{errorMessage(failed.error)}</Alert>
        </div>
      )}
      {requests.isPending ? (
        <Skeleton className="h-12" />
      ) : requests.isError ? (
        <Alert>{errorMessage(requests.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState>
          {incoming ? "No one is waiting for your answer." : "Nothing pending. Add a friend by username above."}
        </EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((request) => (
            <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/u/${request.user.username}`} className="font-medium hover:underline">
                {request.user.displayName}
              </Link>
              <ActionGroup label={`Friend request ${incoming ? "from" : "to"} ${request.user.displayName}`}>
                {incoming ? (
                  <>
                    <Button
                      className="px-3 py-1"
                      busy={busyFor(accept, request.id)}
                      onClick={() => accept.mutate({ requestId: request.id })}
                    >
                      Accept
                    </Button>
                    <Button
                      variant="secondary"
                      className="px-3 py-1"
                      busy={busyFor(decline, request.id)}
                      onClick={() => decline.mutate({ requestId: request.id })}
                    >
                      Decline
                    </Button>
                  </>
                ) : (
                  <Button
                    variant="secondary"
                    className="px-3 py-1"
                    busy={busyFor(cancel, request.id)}
                    onClick={() => cancel.mutate({ requestId: request.id })}
                  >
                    Cancel request
                  </Button>
                )}
              </ActionGroup>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={requests} label="Show more requests" />
    </Card>
  );
}
