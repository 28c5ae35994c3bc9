import { UsernameForm } from "../../components/username-form";
import { useFriendActions } from "./use-friend-actions";

export function AddFriendForm() {
  const { request } = useFriendActions();
  // Every refusal here (unknown member, already friends, a pending request) is about this username.
  return (
    <UsernameForm
      title="Add a friend"
      label="Their username"
      placeholder="username"
      submitLabel="Send friend request"
      send={request}
      toInput={(username) => ({ username })}
      sent={(username) => `Friend request sent to @${username}.`}
    />
  );
}
