import { createWebhookInput, pageInput, setWebhookEnabledInput, webhookIdInput } from "@booky/domain";
import { createdWebhookOutput, webhookDeliveriesOutput, webhookOutput, webhooksOutput } from "../contracts/webhooks.js";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, setWebhookEnabled } from "../services/webhooks.js";
import { clubRoleProcedure, router } from "../trpc.js";

const clubAdmin = clubRoleProcedure("admin");

/** A club's outgoing webhooks (docs/webhooks.md): its admins register, list, pause and delete them. */
export const webhooksRouter = router({
  /** The signing secret is in this answer only. */
  create: clubAdmin
    .input(createWebhookInput)
    .output(createdWebhookOutput)
    .mutation(({ ctx, input }) =>
      createWebhook(ctx.db, ctx.user.id, input, { allowPrivate: ctx.deps.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS }),
    ),

  list: clubAdmin
    .input(pageInput)
    .output(webhooksOutput)
    .query(({ ctx, input }) => listWebhooks(ctx.db, ctx.club.id, input)),

  setEnabled: clubAdmin
    .input(setWebhookEnabledInput)
    .output(webhookOutput)
    .mutation(({ ctx, input }) => setWebhookEnabled(ctx.db, ctx.club.id, input.webhookId, input.enabled)),

  delete: clubAdmin
    .input(webhookIdInput)
    .output(webhookOutput)
    .mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.club.id, input.webhookId)),

  /** The delivery log: status, attempts, last response code and error, newest first. */
  deliveries: clubAdmin
    .input(webhookIdInput.merge(pageInput))
    .output(webhookDeliveriesOutput)
    .query(({ ctx, input }) => listDeliveries(ctx.db, ctx.club.id, input.webhookId, input)),
});
