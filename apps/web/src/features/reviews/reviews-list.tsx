import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PagedList } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { Button, Card, SelectField } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { ReviewSpoiler } from "./review-spoiler";
import { type ReviewItem, starsText } from "./types";

function Words({ html, spoiler }: { html: string; spoiler: boolean }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server stores only sanitize-html output.
  const words = <div className="prose-sm max-w-none" dangerouslySetInnerHTML={{ __html: html }} />;
  if (!spoiler) return words;
  return (
    <details className="rounded border border-amber-600 p-2">
      <summary className="cursor-pointer text-sm font-semibold">Contains spoilers: show the review</summary>
      {words}
    </details>
  );
}

/**
 * A review's title and words: sanitized by the server (markdown.ts) when it
 * was written; flagged spoilers folded until asked; for a member still
 * reading the book in a meeting, withheld by the server until they reveal it.
 */
export function ReviewBody({
  review,
}: {
  review: Pick<ReviewItem, "id" | "title" | "bodyHtml" | "spoiler" | "guard">;
}) {
  const trpc = useTRPC();
  const [asked, setAsked] = useState(false);
  const revealed = useQuery({ ...trpc.reviews.reveal.queryOptions({ reviewId: review.id }), enabled: asked });
  const text = review.guard ? revealed.data : review;
  if (review.guard && !text) {
    return (
      <ReviewSpoiler
        guard={review.guard}
        what="The review is hidden until you finish."
        busy={asked && revealed.isFetching}
        error={revealed.error}
        onReveal={() => setAsked(true)}
      />
    );
  }
  return (
    <>
      {text?.title && <h3 className="font-semibold">{text.title}</h3>}
      <Words html={text?.bodyHtml ?? ""} spoiler={review.spoiler} />
    </>
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
            <ReviewBody review={review} />
            <HelpfulButton review={review} />
          </li>
        )}
      </PagedList>
    </Card>
  );
}
