import { recommendationsInput } from "@booky/domain";
import { recommendationsFor } from "../services/recommendations.js";
import { clubsForMe } from "../services/recommendations-clubs.js";
import { readersLikeMe } from "../services/recommendations-readers.js";
import { authedProcedure, router } from "../trpc.js";

export const recommendationsRouter = router({
  /** "Books for you", each with its reason ("because you rated X 5"), or popular books before any rating. */
  forMe: authedProcedure
    .input(recommendationsInput)
    .query(({ ctx, input }) => recommendationsFor(ctx.db, ctx.user.id, input)),
  /** "Clubs for you": public clubs reading books close to the caller's taste, or with their friends in them. */
  clubsForMe: authedProcedure
    .input(recommendationsInput)
    .query(({ ctx, input }) => clubsForMe(ctx.db, ctx.user.id, input)),
  /** "Readers like you": members of similar taste whose shelves the caller may see, for "add friend". */
  readersLikeMe: authedProcedure
    .input(recommendationsInput)
    .query(({ ctx, input }) => readersLikeMe(ctx.db, ctx.user.id, input)),
});
