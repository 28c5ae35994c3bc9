import { recommendationsInput } from "@booky/domain";
import { recommendationsFor } from "../services/recommendations.js";
import { authedProcedure, router } from "../trpc.js";

export const recommendationsRouter = router({
  /** "Books for you", each with its reason ("because you rated X 5"), or popular books before any rating. */
  forMe: authedProcedure
    .input(recommendationsInput)
    .query(({ ctx, input }) => recommendationsFor(ctx.db, ctx.user.id, input)),
});
