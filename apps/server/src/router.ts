import { adminRouter } from "./routers/admin.js";
import { apiTokensRouter } from "./routers/api-tokens.js";
import { authRouter } from "./routers/auth.js";
import { betsRouter } from "./routers/bets.js";
import { booksRouter } from "./routers/books.js";
import { calendarRouter } from "./routers/calendar.js";
import { clubsRouter } from "./routers/clubs.js";
import { datePollsRouter } from "./routers/date-polls.js";
import { discussionsRouter } from "./routers/discussions.js";
import { friendsRouter } from "./routers/friends.js";
import { importsRouter } from "./routers/imports.js";
import { leaderboardsRouter } from "./routers/leaderboards.js";
import { meetingsRouter } from "./routers/meetings.js";
import { moderationRouter } from "./routers/moderation.js";
import { notificationsRouter } from "./routers/notifications.js";
import { pointsRouter } from "./routers/points.js";
import { pollsRouter } from "./routers/polls.js";
import { progressRouter } from "./routers/progress.js";
import { publicRouter } from "./routers/public.js";
import { recommendationsRouter } from "./routers/recommendations.js";
import { reviewsRouter } from "./routers/reviews.js";
import { schedulesRouter } from "./routers/schedules.js";
import { shelvesRouter } from "./routers/shelves.js";
import { copiesRouter } from "./routers/shelves-copies.js";
import { tradesRouter } from "./routers/trades.js";
import { loansRouter } from "./routers/trades-loans.js";
import { usersRouter } from "./routers/users.js";
import { webhooksRouter } from "./routers/webhooks.js";
import { router } from "./trpc.js";

export const appRouter = router({
  apiTokens: apiTokensRouter,
  admin: adminRouter,
  auth: authRouter,
  bets: betsRouter,
  books: booksRouter,
  calendar: calendarRouter,
  clubs: clubsRouter,
  copies: copiesRouter,
  datePolls: datePollsRouter,
  discussions: discussionsRouter,
  polls: pollsRouter,
  schedules: schedulesRouter,
  friends: friendsRouter,
  imports: importsRouter,
  leaderboards: leaderboardsRouter,
  loans: loansRouter,
  meetings: meetingsRouter,
  moderation: moderationRouter,
  notifications: notificationsRouter,
  points: pointsRouter,
  progress: progressRouter,
  recommendations: recommendationsRouter,
  reviews: reviewsRouter,
  public: publicRouter,
  shelves: shelvesRouter,
  trades: tradesRouter,
  users: usersRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
