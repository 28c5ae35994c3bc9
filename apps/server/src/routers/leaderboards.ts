import { clubLeaderboardInput, userLeaderboardInput } from "@booky/domain";
import { clubLeaderboard, userLeaderboard } from "../services/leaderboards.js";
import { authedProcedure, router } from "../trpc.js";

export const leaderboardsRouter = router({
  /** Users by score: global, one club's members (FORBIDDEN for outsiders of a private club) or friends. */
  users: authedProcedure
    .input(userLeaderboardInput)
    .query(({ ctx, input }) => userLeaderboard(ctx.db, ctx.user, input)),

  /** Clubs by club score (see README), public clubs and the caller's own. */
  clubs: authedProcedure
    .input(clubLeaderboardInput)
    .query(({ ctx, input }) => clubLeaderboard(ctx.db, ctx.user.id, input)),
});
