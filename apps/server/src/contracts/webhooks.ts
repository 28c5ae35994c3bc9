import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { pageOf } from "./shared.js";

/** A webhook as its club's admins see it: never its secret, which only `webhooks.create` answers. */
export const webhookOutput = rowSchemas.webhooks.pick({
  id: true,
  clubId: true,
  url: true,
  description: true,
  events: true,
  format: true,
  consecutiveFailures: true,
  disabledAt: true,
  createdAt: true,
});

export const createdWebhookOutput = webhookOutput.extend({ secret: z.string() });

export const webhooksOutput = pageOf(webhookOutput);

export const webhookDeliveryOutput = rowSchemas.webhookDeliveries.pick({
  id: true,
  eventId: true,
  event: true,
  status: true,
  attempts: true,
  lastResponseCode: true,
  lastError: true,
  lastAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
});

export const webhookDeliveriesOutput = pageOf(webhookDeliveryOutput);
