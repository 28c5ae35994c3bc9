import { authRouter } from "./routers/auth.js";
import { booksRouter } from "./routers/books.js";
import { calendarRouter } from "./routers/calendar.js";
import { clubsRouter } from "./routers/clubs.js";
import { friendsRouter } from "./routers/friends.js";
import { meetingsRouter } from "./routers/meetings.js";
import { progressRouter } from "./routers/progress.js";
import { usersRouter } from "./routers/users.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  books: booksRouter,
  calendar: calendarRouter,
  clubs: clubsRouter,
  friends: friendsRouter,
  meetings: meetingsRouter,
  progress: progressRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
