import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PagedList } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { Button, Card, SelectField } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { type ReviewItem, starsText } from "./types";

/** A review's words: sanitized by the server (markdown.ts) when it was written; spoilers folded until asked. */
export function ReviewBody({ review }: { review: Pick<ReviewItem, "bodyHtml" | "spoiler"> }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server stores only sanitize-html output.
  const words = <div className="prose-sm max-w-none" dangerouslySetInnerHTML={{ __html: review.bodyHtml }} />;
  if (!review.spoiler) return words;
  return (
    <details className="rounded border border-amber-600 p-2">
      <summary className="cursor-pointer text-sm font-semibold">Contains spoilers: show the review</summary>
      {words}
    </details>
  );
}

function HelpfulButton({ review }: { review: ReviewItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const vote = useMutation(
    trpc.reviews.vote.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.reviews.forBook.pathKey() }),
    }),
  );
  if (review.mine) return <span className="text-sm">{review.helpfulCount} found it helpful</span>;
  return (
    <Button
      variant="secondary"
      className="px-3 py-1"
      aria-pressed={review.votedByMe}
      busy={vote.isPending}
      onClick={() => vote.mutate({ reviewId: review.id, helpful: !review.votedByMe })}
    >
      Helpful · {review.helpfulCount}
    </Button>
  );
}

/** A book's reviews, most helpful or most recent first, each with its anchor for the summary's links. */
export function ReviewsList({ bookId }: { bookId: string }) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<"helpful" | "recent">("helpful");
  const reviews = useInfiniteQuery(trpc.reviews.forBook.infiniteQueryOptions({ bookId, sort, limit: 10 }, byCursor));
  return (
    <Card title="Reviews">
      <SelectField
        label="Sort reviews by"
        value={sort}
        onChange={(event) => setSort(event.target.value as "helpful" | "recent")}
      >
        <option value="helpful">Most helpful</option>
        <option value="recent">Most recent</option>
      </SelectField>
      <PagedList query={reviews} label="Reviews" empty="No reviews yet." moreLabel="More reviews">
        {(review) => (
          <li key={review.id} id={`review-${review.id}`} className="flex scroll-mt-20 flex-col gap-1 py-3">
            <p className="text-sm">
              <PersonLink user={review.user} /> · <span>{starsText(review.rating)}</span>
            </p>
            {review.title && <h3 className="font-semibold">{review.title}</h3>}
            <ReviewBody review={review} />
            <HelpfulButton review={review} />
          </li>
        )}
      </PagedList>
    </Card>
  );
}
