import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "@booky/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { clubs } from "./clubs.js";
import { createdAt, id, momentAt, reference } from "./columns.js";

export const webhookEvent = pgEnum("webhook_event", WEBHOOK_EVENTS);
export const webhookFormat = pgEnum("webhook_format", WEBHOOK_FORMATS);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);

/**
 * A club's outgoing webhook (docs/webhooks.md). The signing secret is kept as
 * is (HMAC needs it) and shown to its creator once; lists never carry it.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: webhookEvent("events").array().notNull(),
    format: webhookFormat("format").notNull().default("json"),
    secret: text("secret").notNull(),
    /** Events whose delivery failed since the last success; reaching the limit disables the webhook. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: momentAt("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("webhooks_some_event", sql`cardinality(${t.events}) >= 1`),
    index("webhooks_club_created_idx").on(t.clubId, t.createdAt, t.id),
  ],
);

/**
 * One event for one webhook: written in the transaction of the change that
 * raised the event, unique per (webhook, event), so an event is delivered to a
 * webhook once however often its job runs; `id` is the `webhook-id` header.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    webhookId: reference("webhook_id", () => webhooks.id, "cascade"),
    eventId: uuid("event_id").notNull(),
    event: webhookEvent("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    lastResponseCode: smallint("last_response_code"),
    lastError: text("last_error"),
    lastAttemptAt: momentAt("last_attempt_at"),
    deliveredAt: momentAt("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("webhook_deliveries_once").on(t.webhookId, t.eventId),
    index("webhook_deliveries_webhook_created_idx").on(t.webhookId, t.createdAt, t.id),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
