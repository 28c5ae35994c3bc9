import {
  actInput,
  caseIdInput,
  clubArchiveInput,
  memberSearchInput,
  restoreAccountInput,
  restoreContentInput,
  setSiteRoleInput,
  siteAuditInput,
  siteQueueInput,
  suspendInput,
  unmuteInput,
  userIdInput,
} from "@booky/domain";
import {
  memberDetail,
  restoreAccount,
  searchMembers,
  setClubArchived,
  setSiteRole,
  suspendMember,
} from "../services/admin-accounts.js";
import { dashboard } from "../services/admin-dashboard.js";
import { actOnCase, type Moderator, restoreContent } from "../services/moderation-actions.js";
import { listAudit } from "../services/moderation-audit.js";
import { unmute } from "../services/moderation-mutes.js";
import { getCase, listQueue } from "../services/moderation-queue.js";
import { adminProcedure, router } from "../trpc.js";

const siteModerator = (ctx: { user: { id: string } }): Moderator => ({ userId: ctx.user.id, scope: "site" });

/** Site administration: every club's reports, accounts (suspensions, roles), clubs, the whole audit log, the dashboard. */
export const adminRouter = router({
  queue: adminProcedure.input(siteQueueInput).query(({ ctx, input }) => listQueue(ctx.db, input)),

  case: adminProcedure.input(caseIdInput).query(({ ctx, input }) => getCase(ctx.db, input.caseId)),

  act: adminProcedure.input(actInput).mutation(({ ctx, input }) => actOnCase(ctx.db, siteModerator(ctx), input)),

  restoreContent: adminProcedure
    .input(restoreContentInput)
    .mutation(({ ctx, input }) => restoreContent(ctx.db, siteModerator(ctx), input)),

  unmute: adminProcedure.input(unmuteInput).mutation(({ ctx, input }) => unmute(ctx.db, siteModerator(ctx), input)),

  suspend: adminProcedure.input(suspendInput).mutation(({ ctx, input }) => suspendMember(ctx.db, ctx.user.id, input)),

  restoreAccount: adminProcedure
    .input(restoreAccountInput)
    .mutation(({ ctx, input }) => restoreAccount(ctx.db, ctx.user.id, input)),

  setRole: adminProcedure.input(setSiteRoleInput).mutation(({ ctx, input }) => setSiteRole(ctx.db, ctx.user.id, input)),

  archiveClub: adminProcedure
    .input(clubArchiveInput)
    .mutation(({ ctx, input }) => setClubArchived(ctx.db, ctx.user.id, input)),

  members: adminProcedure.input(memberSearchInput).query(({ ctx, input }) => searchMembers(ctx.db, input)),

  member: adminProcedure.input(userIdInput).query(({ ctx, input }) => memberDetail(ctx.db, input.userId)),

  audit: adminProcedure.input(siteAuditInput).query(({ ctx, input }) => listAudit(ctx.db, input)),

  dashboard: adminProcedure.query(({ ctx }) => dashboard(ctx.deps)),
});
