import { deleteAccountInput, updateProfileInput, usernameInput } from "@booky/domain";
import { publicProfile } from "../contracts/shared.js";
import { clearRefreshCookie } from "../http/refresh-cookie.js";
import { deleteOwnAccount } from "../services/account-deletion.js";
import { getMemberProfile, updateProfile } from "../services/accounts.js";
import { authedProcedure, publicProcedure, rest, router } from "../trpc.js";

export const usersRouter = router({
  get: publicProcedure
    .meta({ openapi: { ...rest("GET", "/users/{username}", "A member's public profile").openapi, protect: false } })
    .input(usernameInput)
    .output(publicProfile)
    .query(({ ctx, input }) => getMemberProfile(ctx.db, input.username)),

  updateProfile: authedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.user.id, input)),

  deleteAccount: authedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    const { archivedClubs } = await deleteOwnAccount(ctx.db, ctx.user.id, input.password);
    clearRefreshCookie(ctx.res, ctx.deps.config.COOKIE_SECURE);
    ctx.log.info({ userId: ctx.user.id, archivedClubs }, "account deleted and anonymised");
    return { ok: true as const };
  }),
});
