import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedListCard, Row } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { pendingFor } from "../../components/row-actions";
import { ConfirmButton } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { Avatar } from "../profile/avatar";
import { useFriendActions } from "./use-friend-actions";

export function FriendsList() {
  const trpc = useTRPC();
  const { remove } = useFriendActions();
  const friends = useInfiniteQuery(trpc.friends.list.infiniteQueryOptions({ limit: 20 }, byCursor));

  return (
    <PagedListCard
      title="Your friends"
      errors={[remove]}
      query={friends}
      empty="No friends yet. Send a request to someone from your club, by their username."
      moreLabel="Show more friends"
    >
      {({ user, since }) => (
        <Row key={user.id}>
          <span className="flex items-center gap-3">
            <Avatar name={user.displayName} url={user.avatarUrl} size={32} />
            <span>
              <PersonLink user={user} />
              <span className="block text-xs text-stone-600 dark:text-stone-400">
                friends since {since.toLocaleDateString(undefined, { dateStyle: "medium" })}
              </span>
            </span>
          </span>
          <ConfirmButton
            size="small"
            question={`Remove ${user.displayName} from your friends?`}
            confirmLabel="Remove friend"
            busy={pendingFor(remove, "userId", user.id)}
            onConfirm={() => remove.mutate({ userId: user.id })}
          >
            Remove
          </ConfirmButton>
        </Row>
      )}
    </PagedListCard>
  );
}
