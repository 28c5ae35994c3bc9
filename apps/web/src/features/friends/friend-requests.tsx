import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedListCard, Row } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { DecisionActions, RowButton } from "../../components/row-actions";
import { ActionGroup, Skeleton } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useFriendActions } from "./use-friend-actions";

/** Pending requests: incoming ones to accept or decline, outgoing ones to cancel. */
export function FriendRequests({ direction }: { direction: "incoming" | "outgoing" }) {
  const trpc = useTRPC();
  const { accept, decline, cancel } = useFriendActions();
  const requests = useInfiniteQuery(
    trpc.friends.requests.infiniteQueryOptions(
      { box: direction, limit: 20 },
      // Others send and cancel requests: look again whenever the page opens.
      { ...byCursor, staleTime: 0 },
    ),
  );
  const incoming = direction === "incoming";

  return (
    <PagedListCard
      title={incoming ? "Requests for you" : "Requests you sent"}
      errors={[accept, decline, cancel]}
      query={requests}
      loading={<Skeleton className="h-12" />}
      empty={incoming ? "No one is waiting for your answer." : "Nothing pending. Add a friend by username above."}
      moreLabel="Show more requests"
    >
      {(request) => {
        const label = `Friend request ${incoming ? "from" : "to"} ${request.user.displayName}`;
        const input = { requestId: request.id };
        return (
          <Row key={request.id}>
            <PersonLink user={request.user} />
            {incoming ? (
              <DecisionActions label={label} input={input} by="requestId" accept={accept} decline={decline} />
            ) : (
              <ActionGroup label={label}>
                <RowButton mutation={cancel} input={input} by="requestId" variant="secondary">
                  Cancel request
                </RowButton>
              </ActionGroup>
            )}
          </Row>
        );
      }}
    </PagedListCard>
  );
}
