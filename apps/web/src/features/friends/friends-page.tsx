import { PageTitle } from "../../components/ui";
import { ActivityFeed } from "./activity-feed";
import { AddFriendForm } from "./add-friend-form";
import { FriendRequests } from "./friend-requests";
import { FriendsList } from "./friends-list";

export function FriendsPage() {
  return (
    <div>
      <PageTitle subtitle="Read alongside the people you like: see how far they got.">Friends</PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-6">
          <AddFriendForm />
          <FriendRequests direction="incoming" />
          <FriendRequests direction="outgoing" />
          <FriendsList />
        </div>
        <ActivityFeed />
      </div>
    </div>
  );
}
