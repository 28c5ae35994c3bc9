import type { RouterOutputs } from "@booky/server";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { tasteText } from "./for-you-card";

type Reason = RouterOutputs["recommendations"]["clubsForMe"]["items"][number]["reason"];

/** Why a club is suggested, in a sentence. */
function clubReasonText(reason: Reason) {
  switch (reason.kind) {
    case "book":
      return reason.taste.book.id === reason.book.id
        ? `Reads ${reason.book.title}: ${tasteText(reason.taste)}`
        : `Reads ${reason.book.title}, for readers of ${reason.taste.book.title}: ${tasteText(reason.taste)}`;
    case "friends":
      return reason.count === 1 ? "A friend of yours is a member" : `${reason.count} of your friends are members`;
    default:
      return "One of the biggest clubs you can join";
  }
}

/** "Clubs for you" on the home page: public clubs close to the member's reading, each with why. */
export function ClubsForYouCard() {
  const trpc = useTRPC();
  const picks = useQuery(trpc.recommendations.clubsForMe.queryOptions({ limit: 5 }));
  return (
    <Card title="Clubs for you">
      {picks.data?.items.length ? (
        <ul className="flex flex-col gap-2" aria-label="Clubs for you">
          {picks.data.items.map((item) => (
            <li key={item.club.id}>
              <Link to={`/clubs/${item.club.slug}`} className="font-semibold hover:underline">
                {item.club.name}
              </Link>
              <span className="block text-sm text-stone-600 dark:text-stone-400">{clubReasonText(item.reason)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">
          No public club to suggest yet.{" "}
          <Link to="/clubs" className="font-semibold text-brand-700 underline dark:text-brand-500">
            Browse the clubs
          </Link>
        </p>
      )}
    </Card>
  );
}
