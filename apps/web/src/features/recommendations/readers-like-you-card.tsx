import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { AddFriendButton } from "../friends/add-friend-button";

/** "Readers like you" on the home page: members of similar taste who share what they read, with "Add friend". */
export function ReadersLikeYouCard() {
  const trpc = useTRPC();
  const readers = useQuery(trpc.recommendations.readersLikeMe.queryOptions({ limit: 5 }));
  return (
    <Card title="Readers like you">
      {readers.data?.items.length ? (
        <ul className="flex flex-col gap-3" aria-label="Readers like you">
          {readers.data.items.map((item) => (
            <li key={item.member.id} className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <Link to={`/u/${item.member.username}`} className="font-semibold hover:underline">
                  {item.member.displayName}
                </Link>
                <span className="block text-sm text-stone-600 dark:text-stone-400">
                  {item.similarity}% alike · you both liked {item.sharedBooks.map((book) => book.title).join(", ")}
                  {item.sharedCount > item.sharedBooks.length
                    ? ` and ${item.sharedCount - item.sharedBooks.length} more`
                    : ""}
                </span>
              </div>
              {item.friend ? (
                <span className="text-sm text-stone-600 dark:text-stone-400">Friends</span>
              ) : item.requestPending ? (
                <span className="text-sm text-stone-600 dark:text-stone-400">Friend request pending</span>
              ) : (
                <AddFriendButton username={item.member.username} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">
          Rate the books you loved: readers who loved them too, and share their shelves, show here.
        </p>
      )}
    </Card>
  );
}
