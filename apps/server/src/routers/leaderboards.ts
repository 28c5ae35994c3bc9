import { clubLeaderboardInput, userLeaderboardInput } from "@booky/domain";
import { clubLeaderboardOutput, userLeaderboardOutput } from "../contracts/leaderboards.js";
import { clubLeaderboard, userLeaderboard } from "../services/leaderboards.js";
import { authedProcedure, rest, router } from "../trpc.js";

export const leaderboardsRouter = router({
  /** Users by score: global, one club's members (FORBIDDEN for outsiders of a private club) or friends. */
  users: authedProcedure
    .meta(rest("GET", "/leaderboards/users", "Members by score: global, a club's or friends'"))
    .input(userLeaderboardInput)
    .output(userLeaderboardOutput)
    .query(({ ctx, input }) => userLeaderboard(ctx.db, ctx.user, input)),

  /** Clubs by club score (see README), public clubs and the caller's own. */
  clubs: authedProcedure
    .meta(rest("GET", "/leaderboards/clubs", "Clubs by club score"))
    .input(clubLeaderboardInput)
    .output(clubLeaderboardOutput)
    .query(({ ctx, input }) => clubLeaderboard(ctx.db, ctx.user.id, input)),
});
