import { asc, type Database, inArray, ratings, reviewVotes } from "@booky/db";

/** The scene's people's ratings, reviews and votes (and votes on their reviews), for the "refused changes nothing" snapshot. */
export function reviewsSnapshot(db: Database, userIds: string[]) {
  const theirReviews = db.select({ id: ratings.id }).from(ratings).where(inArray(ratings.userId, userIds));
  return [
    db.select().from(ratings).where(inArray(ratings.userId, userIds)).orderBy(asc(ratings.id)),
    db
      .select()
      .from(reviewVotes)
      .where(inArray(reviewVotes.reviewId, theirReviews))
      .orderBy(asc(reviewVotes.reviewId), asc(reviewVotes.userId)),
  ];
}
