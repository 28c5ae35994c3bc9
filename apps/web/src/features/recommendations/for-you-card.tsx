import type { RouterOutputs } from "@booky/server";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";

type Reason = RouterOutputs["recommendations"]["forMe"]["items"][number]["reason"];

const SHELF_REASONS = {
  read: "you read",
  reading: "you are reading",
  want_to_read: "you want to read",
  did_not_finish: "you shelved",
} as const;

type Taste = Extract<Reason, { kind: "rated" | "shelved" }>;

/** The member's own rating or shelf a suggestion comes from: "you rated X 5", "you read X". */
export function tasteText(reason: Taste) {
  return reason.kind === "rated"
    ? `you rated ${reason.book.title} ${reason.stars}`
    : `${SHELF_REASONS[reason.status]} ${reason.book.title}`;
}

/** Why a book is suggested, in a sentence. */
function reasonText(reason: Reason) {
  switch (reason.kind) {
    case "rated":
    case "shelved":
      return `Because ${tasteText(reason)}`;
    case "subject":
      return `Popular in ${reason.subject}, like books on your shelves`;
    default:
      return "Popular with Booky readers";
  }
}

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
              <span className="block text-sm text-stone-600 dark:text-stone-400">{reasonText(item.reason)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">Rate a few books and we will suggest more.</p>
      )}
    </Card>
  );
}
