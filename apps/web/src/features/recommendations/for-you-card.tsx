import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";

/** "Books for you" on the home page, each with why. */
export function ForYouCard() {
  const trpc = useTRPC();
  const picks = useQuery(trpc.recommendations.forMe.queryOptions({ limit: 5 }));
  return (
    <Card title="Books for you">
      {picks.data?.items.length ? (
        <ul className="flex flex-col gap-2" aria-label="Books for you">
          {picks.data.items.map((item) => (
            <li key={item.book.id}>
              <Link to={`/books/${item.book.id}`} className="font-semibold hover:underline">
                {item.book.title}
              </Link>
              <span className="block text-sm text-stone-600 dark:text-stone-400">
                {item.reason.kind === "rated"
                  ? `Because you rated ${item.reason.book.title} ${item.reason.stars}`
                  : "Popular with Booky readers"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">Rate a few books and we will suggest more.</p>
      )}
    </Card>
  );
}
