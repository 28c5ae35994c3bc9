import { saveReview } from "../src/services/reviews.js";
import type { Scene, SceneUser } from "./authorization-fixture.js";
import { type Case, outcomes, personal, signedIn } from "./authorization-rows.js";

const SIGNED_IN = ["outsider", "member", "clubAdmin", "owner", "siteAdmin"] as const;
const me = (scene: Scene, actor: SceneUser | null) => actor ?? scene.people.outsider;

/** `author`'s rating (and review, unless `body` is null) of the scene's book, through the service; its id. */
async function reviewBy(scene: Scene, author: SceneUser, body: string | null = "A review.") {
  const saved = await saveReview(scene.db, author.id, { bookId: scene.book.id, rating: 8, body, spoiler: false });
  return saved?.id ?? "";
}

/**
 * Ratings, reviews and recommendations: anyone signed in reads them and
 * changes their own; what is someone else's is refused. A function, so it
 * runs once authorization-rows.ts (which spreads it) has defined its helpers.
 */
export function reviewsRows(): Record<string, Case | Case[]> {
  return {
    "reviews.rate": personal(signedIn, (t, s) => t.reviews.rate.mutate({ bookId: s.book.id, rating: 7 })),
    "reviews.save": personal(signedIn, (t, s) =>
      t.reviews.save.mutate({ bookId: s.book.id, rating: 9, body: "Loved it.", spoiler: false }),
    ),
    "reviews.remove": [
      personal(signedIn, { prepare: (s, actor) => reviewBy(s, me(s, actor)) }, (t, s) =>
        t.reviews.remove.mutate({ bookId: s.book.id }),
      ),
      personal(
        outcomes({ NOT_FOUND: [...SIGNED_IN] }),
        { label: "only someone else rated it", prepare: (s) => reviewBy(s, s.people.stranger) },
        (t, s) => t.reviews.remove.mutate({ bookId: s.book.id }),
      ),
    ],
    "reviews.mine": personal(signedIn, (t, s) => t.reviews.mine.query({ bookId: s.book.id })),
    "reviews.aggregate": personal(signedIn, (t, s) => t.reviews.aggregate.query({ bookId: s.book.id })),
    "reviews.forBook": personal(signedIn, (t, s) => t.reviews.forBook.query({ bookId: s.book.id })),
    "reviews.byUser": personal(signedIn, (t, s) => t.reviews.byUser.query({ userId: s.people.stranger.id })),
    "reviews.reveal": [
      personal(signedIn, { prepare: (s) => reviewBy(s, s.people.stranger) }, (t, _, reviewId) =>
        t.reviews.reveal.query({ reviewId }),
      ),
      personal(
        outcomes({ NOT_FOUND: [...SIGNED_IN] }),
        { label: "a rating without a review", prepare: (s) => reviewBy(s, s.people.stranger, null) },
        (t, _, reviewId) => t.reviews.reveal.query({ reviewId }),
      ),
    ],
    "reviews.summary": personal(signedIn, (t, s) => t.reviews.summary.query({ bookId: s.book.id })),
    "reviews.vote": [
      personal(signedIn, { prepare: (s) => reviewBy(s, s.people.stranger) }, (t, _, reviewId) =>
        t.reviews.vote.mutate({ reviewId, helpful: true }),
      ),
      personal(
        outcomes({ FORBIDDEN: [...SIGNED_IN] }),
        { label: "one's own review", prepare: (s, actor) => reviewBy(s, me(s, actor)) },
        (t, _, reviewId) => t.reviews.vote.mutate({ reviewId, helpful: true }),
      ),
      personal(
        outcomes({ NOT_FOUND: [...SIGNED_IN] }),
        { label: "a rating without a review", prepare: (s) => reviewBy(s, s.people.stranger, null) },
        (t, _, reviewId) => t.reviews.vote.mutate({ reviewId, helpful: true }),
      ),
    ],
    "recommendations.forMe": personal(signedIn, (t) => t.recommendations.forMe.query({})),
    "recommendations.clubsForMe": personal(signedIn, (t) => t.recommendations.clubsForMe.query({})),
    "recommendations.readersLikeMe": personal(signedIn, (t) => t.recommendations.readersLikeMe.query({})),
  };
}
