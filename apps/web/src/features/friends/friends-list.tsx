import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Alert, Card, ConfirmButton, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { Avatar } from "../profile/avatar";
import { useFriendActions } from "./use-friend-actions";

export function FriendsList() {
  const trpc = useTRPC();
  const { remove } = useFriendActions();
  const friends = useInfiniteQuery(
    trpc.friends.list.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = friends.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Your friends">
      {remove.isError && (
        <div className="mb-3">
          <Alert>{errorMessage(remove.error)}</Alert>
        </div>
      )}
      {friends.isPending ? (
        <Skeleton className="h-16" />
      ) : friends.isError ? (
        <Alert>{errorMessage(friends.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState>No friends yet. Send a request to someone from your club, by their username.</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map(({ user, since }) => (
            <li key={user.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="flex items-center gap-3">
                <Avatar name={user.displayName} url={user.avatarUrl} size={32} />
                <span>
                  <Link to={`/u/${user.username}`} className="font-medium hover:underline">
                    {user.displayName}
                  </Link>
                  <span className="block text-xs text-stone-600 dark:text-stone-400">
                    friends since {since.toLocaleDateString(undefined, { dateStyle: "medium" })}
                  </span>
                </span>
              </span>
              <ConfirmButton
                size="small"
                question={`Remove ${user.displayName} from your friends?`}
                confirmLabel="Remove friend"
                busy={remove.isPending && remove.variables?.userId === user.id}
                onConfirm={() => remove.mutate({ userId: user.id })}
              >
                Remove
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={friends} label="Show more friends" />
    </Card>
  );
}
