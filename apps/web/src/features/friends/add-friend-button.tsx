import { Alert, Button } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useFriendActions } from "./use-friend-actions";

/** On a member's profile: one press sends them a friend request. */
export function AddFriendButton({ username }: { username: string }) {
  const { request } = useFriendActions();
  if (request.isSuccess) return <Alert tone="success">Friend request sent.</Alert>;
  return (
    <div className="flex flex-col items-start gap-2">
      {request.isError && <Alert>{errorMessage(request.error)}</Alert>}
      <Button variant="secondary" busy={request.isPending} onClick={() => request.mutate({ username })}>
        Add friend
      </Button>
    </div>
  );
}
