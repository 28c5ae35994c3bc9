import { authRouter } from "./routers/auth.js";
import { betsRouter } from "./routers/bets.js";
import { booksRouter } from "./routers/books.js";
import { calendarRouter } from "./routers/calendar.js";
import { clubsRouter } from "./routers/clubs.js";
import { discussionsRouter } from "./routers/discussions.js";
import { friendsRouter } from "./routers/friends.js";
import { leaderboardsRouter } from "./routers/leaderboards.js";
import { meetingsRouter } from "./routers/meetings.js";
import { notificationsRouter } from "./routers/notifications.js";
import { pointsRouter } from "./routers/points.js";
import { progressRouter } from "./routers/progress.js";
import { usersRouter } from "./routers/users.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  bets: betsRouter,
  books: booksRouter,
  calendar: calendarRouter,
  clubs: clubsRouter,
  discussions: discussionsRouter,
  friends: friendsRouter,
  leaderboards: leaderboardsRouter,
  meetings: meetingsRouter,
  notifications: notificationsRouter,
  points: pointsRouter,
  progress: progressRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
