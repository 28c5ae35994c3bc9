import { z } from "zod";
import { clubIdInput } from "../clubs/schemas.js";
import { text } from "../shared/inputs.js";

/** The club events a webhook can hear (docs/webhooks.md). */
export const WEBHOOK_EVENTS = ["meeting.scheduled", "meeting.closed", "member.finished", "thread.created"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `json`: Booky's signed event body; `discord`: a Discord-compatible message (`content`, `embeds`). */
export const WEBHOOK_FORMATS = ["json", "discord"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Delivery attempts of one event before it counts as failed (the queue backs off exponentially between them). */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** Events failed in a row after which a webhook is disabled and the club's admins are told. */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 5;
/** How old a delivery's timestamp may be before a receiver should refuse it as a replay. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

export const webhookUrl = z
  .url({ protocol: /^https?$/, error: "Give the full address, starting with https://" })
  .max(2000, "Give a shorter address");

export const createWebhookInput = clubIdInput.extend({
  url: webhookUrl,
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, "Pick at least one event")
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, "Name each event once"),
  format: z.enum(WEBHOOK_FORMATS).default("json"),
  description: text().max(200).default(""),
});

export const webhookIdInput = clubIdInput.extend({ webhookId: z.uuid("Unknown webhook") });

export const setWebhookEnabledInput = webhookIdInput.extend({ enabled: z.boolean() });

/** What an event names, as its webhook body carries it (`data`). */
export interface WebhookFacts {
  club: { name: string };
  meeting?: { bookTitle: string; startsAt: string } | null;
  member?: { displayName: string } | null;
  winners?: { displayName: string }[];
  thread?: { id: string; title: string | null } | null;
}

/** One line per event: the Discord message's `content`. */
export function webhookSentence(event: WebhookEvent, facts: WebhookFacts): string {
  const club = facts.club.name;
  const book = facts.meeting ? `“${facts.meeting.bookTitle}”` : "a book";
  switch (event) {
    case "meeting.scheduled":
      return `${club} scheduled a meeting about ${book} on ${facts.meeting?.startsAt.slice(0, 10) ?? "a date to come"}`;
    case "meeting.closed": {
      const winners = facts.winners ?? [];
      const result =
        winners.length === 0 ? "nobody finished in time" : `won by ${winners.map((w) => w.displayName).join(" and ")}`;
      return `${club}: the race for ${book} is over, ${result}`;
    }
    case "member.finished":
      return `${facts.member?.displayName ?? "A member"} of ${club} finished ${book}`;
    case "thread.created":
      return facts.thread?.title ? `New thread in ${club}: “${facts.thread.title}”` : `New thread in ${club}`;
  }
}
