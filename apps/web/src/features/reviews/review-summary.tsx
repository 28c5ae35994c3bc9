import { useQuery } from "@tanstack/react-query";
import { Card, Spinner } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import type { Summary } from "./types";

const reviewLink = (reviewId: string) => `#review-${reviewId}`;

function Quotes({ title, quotes }: { title: string; quotes: { reviewId: string; text: string }[] }) {
  if (quotes.length === 0) return null;
  return (
    <section>
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {quotes.map((quote) => (
          <li key={quote.reviewId}>
            <a href={reviewLink(quote.reviewId)} className="italic hover:underline">
              “{quote.text}”
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SummaryContent({ summary }: { summary: Summary }) {
  const content = summary.content;
  if (content.kind === "extractive") {
    return (
      <>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Quotes picked from {summary.reviewCount} reviews by Booky (spoiler-flagged reviews left out).
        </p>
        <Quotes title="What readers liked" quotes={content.liked} />
        <Quotes title="What readers did not like" quotes={content.disliked} />
      </>
    );
  }
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Written by a language model from {summary.reviewCount} reviews; each sentence links the reviews it rests on.
      </p>
      <ul className="flex flex-col gap-1">
        {content.sentences.map((sentence) => (
          <li key={sentence.text}>
            {sentence.text}{" "}
            {sentence.reviewIds.map((id, index) => (
              <a key={id} href={reviewLink(id)} className="text-sm text-brand-700 underline dark:text-brand-500">
                [review {index + 1}]
              </a>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The book's cached summary: quotes (or cited sentences) that link to their reviews. */
export function ReviewSummary({ bookId }: { bookId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.reviews.summary.queryOptions({ bookId }));
  return (
    <Card title="What reviewers say">
      <div className="flex flex-col gap-3" data-testid="review-summary">
        {summary.isPending ? (
          <Spinner label="Loading the summary" />
        ) : summary.data ? (
          <SummaryContent summary={summary.data} />
        ) : (
          <p className="text-stone-600 dark:text-stone-400">A summary appears once three readers have reviewed it.</p>
        )}
      </div>
    </Card>
  );
}
