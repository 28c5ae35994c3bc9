import { eq, users } from "@booky/db";
import { deleteAccountInput, updateProfileInput, usernameInput } from "@booky/domain";
import { TRPCError } from "@trpc/server";
import { fieldError } from "../errors.js";
import { clearRefreshCookie } from "../http/refresh-cookie.js";
import { deleteAccount } from "../services/account-deletion.js";
import { accountColumns, findMemberByUsername, findPasswordHash } from "../services/accounts.js";
import { verifyPassword } from "../services/passwords.js";
import { authedProcedure, publicProcedure, router } from "../trpc.js";

export const usersRouter = router({
  get: publicProcedure.input(usernameInput).query(async ({ ctx, input }) => {
    const profile = await findMemberByUsername(ctx.db, input.username);
    if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: `No member is called @${input.username}` });
    return profile;
  }),

  updateProfile: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const [user] = await ctx.db.update(users).set(input).where(eq(users.id, ctx.user.id)).returning(accountColumns);
    if (!user) throw new TRPCError({ code: "NOT_FOUND", message: "This account no longer exists" });
    return user;
  }),

  deleteAccount: authedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    const hash = await findPasswordHash(ctx.db, ctx.user.id);
    if (!(await verifyPassword(hash, input.password))) {
      throw fieldError("password", "Password is incorrect");
    }
    const { archivedClubs } = await ctx.db.transaction((tx) => deleteAccount(tx, ctx.user.id));
    clearRefreshCookie(ctx.res, ctx.config.COOKIE_SECURE);
    ctx.log.info({ userId: ctx.user.id, archivedClubs }, "account deleted and anonymised");
    return { ok: true as const };
  }),
});
