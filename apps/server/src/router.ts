import { authRouter } from "./routers/auth.js";
import { betsRouter } from "./routers/bets.js";
import { booksRouter } from "./routers/books.js";
import { calendarRouter } from "./routers/calendar.js";
import { clubsRouter } from "./routers/clubs.js";
import { friendsRouter } from "./routers/friends.js";
import { leaderboardsRouter } from "./routers/leaderboards.js";
import { meetingsRouter } from "./routers/meetings.js";
import { pointsRouter } from "./routers/points.js";
import { progressRouter } from "./routers/progress.js";
import { recommendationsRouter } from "./routers/recommendations.js";
import { reviewsRouter } from "./routers/reviews.js";
import { usersRouter } from "./routers/users.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  bets: betsRouter,
  books: booksRouter,
  calendar: calendarRouter,
  clubs: clubsRouter,
  friends: friendsRouter,
  leaderboards: leaderboardsRouter,
  meetings: meetingsRouter,
  points: pointsRouter,
  progress: progressRouter,
  recommendations: recommendationsRouter,
  reviews: reviewsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
