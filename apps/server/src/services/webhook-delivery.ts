import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { type Database, type Executor, eq, sql, webhookDeliveries, webhooks } from "@booky/db";
import {
  WEBHOOK_DISABLE_AFTER_FAILURES,
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookEvent,
  type WebhookFacts,
  webhookSentence,
} from "@booky/domain";
import { notifyClub } from "./notifications-events.js";
import { requireAllowedLiteral, safeLookup, type TargetPolicy } from "./webhook-targets.js";

export interface DeliveryOptions extends TargetPolicy {
  timeoutMs: number;
  publicUrl: string;
}

/**
 * The Standard Webhooks signature: HMAC-SHA256, keyed by the secret's bytes,
 * over `${id}.${timestamp}.${body}`, as `v1,<base64>`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** The body a webhook of this format receives. */
export function webhookBody(format: "json" | "discord", payload: Record<string, unknown>, publicUrl: string) {
  if (format === "json") return JSON.stringify(payload);
  const data = payload.data as WebhookFacts & { club: { slug: string } };
  const content = webhookSentence(payload.type as WebhookEvent, data);
  return JSON.stringify({
    content,
    embeds: [
      { title: data.club.name, url: new URL(`/clubs/${data.club.slug}`, publicUrl).toString(), description: content },
    ],
    allowed_mentions: { parse: [] },
  });
}

interface SendResult {
  status: number | null;
  error: string | null;
}

/** One POST, refused before connecting when the target is forbidden; any 2xx answer is a delivery. */
function send(url: URL, headers: Record<string, string>, body: string, options: DeliveryOptions): Promise<SendResult> {
  return new Promise((resolve) => {
    try {
      requireAllowedLiteral(url, options);
    } catch (error) {
      return resolve({ status: null, error: (error as Error).message });
    }
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      lookup: safeLookup(options) as never,
      timeout: options.timeoutMs,
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? null, error: null }));
      response.on("error", () => resolve({ status: response.statusCode ?? null, error: null }));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on("error", (error) => resolve({ status: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}

export class WebhookAttemptFailed extends Error {}

/**
 * Delivers one event to one webhook. A delivery already delivered (or failed
 * for good) is not sent again, so a re-run job or a second worker changes
 * nothing; a worker killed between sending and recording leaves it pending,
 * and the next attempt sends it again with the same `webhook-id` for the
 * receiver to recognise. A failed attempt throws, so the queue retries with
 * backoff, until the last attempt marks the delivery failed and counts it
 * against the webhook, which turns off after repeated failed events.
 */
export async function deliverWebhook(db: Database, deliveryId: string, options: DeliveryOptions) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: sql`now()` })
    .from(webhooks)
    .where(
      sql`${webhookDeliveries.id} = ${deliveryId} and ${webhookDeliveries.status} = 'pending'
        and ${webhooks.id} = ${webhookDeliveries.webhookId}`,
    )
    .returning({
      attempts: webhookDeliveries.attempts,
      payload: webhookDeliveries.payload,
      webhookId: webhooks.id,
      clubId: webhooks.clubId,
      url: webhooks.url,
      format: webhooks.format,
      secret: webhooks.secret,
      disabledAt: webhooks.disabledAt,
    });
  if (!row) return { status: "skipped" as const };
  if (row.disabledAt) {
    await record(db, deliveryId, { status: "failed", lastError: "The webhook is turned off" });
    return { status: "failed" as const };
  }
  const body = webhookBody(row.format, row.payload, options.publicUrl);
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await send(
    new URL(row.url),
    {
      "user-agent": "Booky-Webhooks/1",
      "webhook-id": deliveryId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(row.secret, deliveryId, timestamp, body),
    },
    body,
    options,
  );
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  if (ok) {
    await db.transaction(async (tx) => {
      await record(tx, deliveryId, {
        status: "delivered",
        lastResponseCode: result.status,
        lastError: null,
        deliveredAt: new Date(),
      });
      await tx.update(webhooks).set({ consecutiveFailures: 0 }).where(eq(webhooks.id, row.webhookId));
    });
    return { status: "delivered" as const };
  }
  const lastError = result.error ?? `answered ${result.status}`;
  if (row.attempts < WEBHOOK_MAX_ATTEMPTS) {
    await record(db, deliveryId, { lastResponseCode: result.status, lastError });
    throw new WebhookAttemptFailed(`webhook delivery ${deliveryId} attempt ${row.attempts}: ${lastError}`);
  }
  await db.transaction(async (tx) => {
    await record(tx, deliveryId, { status: "failed", lastResponseCode: result.status, lastError });
    const [hook] = await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
      .where(eq(webhooks.id, row.webhookId))
      .returning({ failures: webhooks.consecutiveFailures, disabledAt: webhooks.disabledAt });
    if (hook && !hook.disabledAt && hook.failures >= WEBHOOK_DISABLE_AFTER_FAILURES) {
      await tx.update(webhooks).set({ disabledAt: sql`now()` }).where(eq(webhooks.id, row.webhookId));
      await notifyClub(tx, row.clubId, { kind: "webhook_disabled", data: { failures: hook.failures } }, "admins");
    }
  });
  return { status: "failed" as const };
}

function record(db: Executor, deliveryId: string, changes: Partial<typeof webhookDeliveries.$inferInsert>) {
  return db.update(webhookDeliveries).set(changes).where(eq(webhookDeliveries.id, deliveryId));
}
