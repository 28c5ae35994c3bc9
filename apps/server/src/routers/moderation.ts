import { actInput, auditFilter, caseIdInput, queueFilter, restoreContentInput, unmuteInput } from "@booky/domain";
import { actOnCase, type Moderator, restoreContent } from "../services/moderation-actions.js";
import { listAudit } from "../services/moderation-audit.js";
import { unmute } from "../services/moderation-mutes.js";
import { getCase, listQueue } from "../services/moderation-queue.js";
import { clubRoleProcedure, router } from "../trpc.js";

const clubModerator = (ctx: { user: { id: string }; club: { id: string } }): Moderator => ({
  userId: ctx.user.id,
  scope: "club",
  clubId: ctx.club.id,
});

/** A club's moderation, for its admins: its report queue, actions on it, and its part of the audit log. */
export const moderationRouter = router({
  queue: clubRoleProcedure("admin")
    .input(queueFilter)
    .query(({ ctx, input }) => listQueue(ctx.db, { ...input, clubId: ctx.club.id })),

  case: clubRoleProcedure("admin")
    .input(caseIdInput)
    .query(({ ctx, input }) => getCase(ctx.db, input.caseId, ctx.club.id)),

  act: clubRoleProcedure("admin")
    .input(actInput)
    .mutation(({ ctx, input }) => actOnCase(ctx.db, clubModerator(ctx), input)),

  restoreContent: clubRoleProcedure("admin")
    .input(restoreContentInput)
    .mutation(({ ctx, input }) => restoreContent(ctx.db, clubModerator(ctx), input)),

  unmute: clubRoleProcedure("admin")
    .input(unmuteInput)
    .mutation(({ ctx, input }) => unmute(ctx.db, clubModerator(ctx), input)),

  audit: clubRoleProcedure("admin")
    .input(auditFilter)
    .query(({ ctx, input }) => listAudit(ctx.db, { ...input, clubId: ctx.club.id })),
});
