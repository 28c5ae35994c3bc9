import { RatingHistogram } from "./rating-histogram";
import { ReviewComposer } from "./review-composer";
import { ReviewSummary } from "./review-summary";
import { ReviewsList } from "./reviews-list";

/** Everything about a book's ratings and reviews, for the book page. */
export function BookReviews({ bookId }: { bookId: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ReviewComposer bookId={bookId} />
      <RatingHistogram bookId={bookId} />
      <div className="md:col-span-2">
        <ReviewSummary bookId={bookId} />
      </div>
      <div className="md:col-span-2">
        <ReviewsList bookId={bookId} />
      </div>
    </div>
  );
}
