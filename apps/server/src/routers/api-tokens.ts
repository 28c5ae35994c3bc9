import { apiTokenIdInput, createApiTokenInput, pageInput } from "@booky/domain";
import { apiTokenOutput, apiTokensOutput, createdApiTokenOutput } from "../contracts/api-tokens.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../services/api-tokens.js";
import { authedProcedure, router, sessionProcedure } from "../trpc.js";

/** Personal access tokens for scripts and apps (docs/api.md): managed from a signed-in session only. */
export const apiTokensRouter = router({
  /** The token is in this answer only; Booky stores its digest. */
  create: sessionProcedure
    .input(createApiTokenInput)
    .output(createdApiTokenOutput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.user.id, input)),

  /** Newest first, with scopes, expiry, last use and revocation; never the tokens themselves. */
  list: authedProcedure
    .input(pageInput)
    .output(apiTokensOutput)
    .query(({ ctx, input }) => listApiTokens(ctx.db, ctx.user.id, input)),

  /** Stops the token at once. */
  revoke: sessionProcedure
    .input(apiTokenIdInput)
    .output(apiTokenOutput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.user.id, input.tokenId)),
});
