import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PagedList } from "../../components/paged-list";
import { Card } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { ReviewBody } from "./reviews-list";
import { starsText } from "./types";

/** A member's reviews on their profile, newest first. */
export function MemberReviews({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const reviews = useInfiniteQuery(trpc.reviews.byUser.infiniteQueryOptions({ userId, limit: 10 }, byCursor));
  return (
    <Card title="Reviews">
      <PagedList query={reviews} label="Their reviews" empty="No reviews yet." moreLabel="More reviews">
        {(review) => (
          <li key={review.id} className="flex flex-col gap-1 py-3">
            <p className="text-sm">
              <Link to={`/books/${review.book.id}#review-${review.id}`} className="font-semibold hover:underline">
                {review.book.title}
              </Link>{" "}
              · {starsText(review.rating)}
            </p>
            {review.title && <h3 className="font-semibold">{review.title}</h3>}
            <ReviewBody review={review} />
          </li>
        )}
      </PagedList>
    </Card>
  );
}
