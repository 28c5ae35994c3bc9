import { z } from "zod";
import { pageInput } from "../shared/pagination.js";

/** What a member can be told about. Adding a kind means a migration (the enum derives from this list). */
export const NOTIFICATION_KINDS = [
  "friend_request",
  "friend_accepted",
  "club_invitation",
  "join_request",
  "join_decision",
  "meeting_scheduled",
  "meeting_started",
  "meeting_closed",
  "bet_settled",
  "reply",
  "mention",
  "meeting_reminder",
  "friend_finished",
  "trade_proposed",
  "trade_accepted",
  "trade_declined",
  "trade_countered",
  "trade_expired",
  "loan_due",
  "loan_returned",
  "moderation",
  "report_resolved",
  "milestone_reminder",
  "poll_opened",
  "poll_closed",
  "date_poll_opened",
  "meeting_time_picked",
  "webhook_disabled",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * How a member wants one kind delivered: in the app only, in the app and by
 * e-mail at once, in the app and in the daily e-mail digest, or not at all.
 */
export const NOTIFICATION_DELIVERIES = ["in_app", "email_immediate", "email_digest", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** Until a member chooses: what is addressed to them personally is mailed in the digest, the rest stays in the app. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  friend_request: "email_digest",
  friend_accepted: "in_app",
  club_invitation: "email_digest",
  join_request: "email_digest",
  join_decision: "email_digest",
  meeting_scheduled: "email_digest",
  meeting_started: "in_app",
  meeting_closed: "in_app",
  bet_settled: "in_app",
  reply: "email_digest",
  mention: "email_immediate",
  meeting_reminder: "email_immediate",
  friend_finished: "in_app",
  trade_proposed: "email_digest",
  trade_accepted: "in_app",
  trade_declined: "in_app",
  trade_countered: "email_digest",
  trade_expired: "in_app",
  loan_due: "in_app",
  loan_returned: "in_app",
  moderation: "email_immediate",
  report_resolved: "in_app",
  milestone_reminder: "email_immediate",
  poll_opened: "email_digest",
  poll_closed: "in_app",
  // Asked when to meet: answered before an admin picks, so mailed at once, like the time picked.
  date_poll_opened: "email_immediate",
  meeting_time_picked: "email_immediate",
  webhook_disabled: "email_immediate",
};

/** Whether a notification of this delivery is stored (and shown in the app), and whether it is mailed. */
export function deliveryPlan(delivery: NotificationDelivery) {
  return {
    stored: delivery !== "off",
    email:
      delivery === "email_immediate"
        ? ("immediate" as const)
        : delivery === "email_digest"
          ? ("digest" as const)
          : null,
  };
}

export const listNotificationsInput = pageInput.extend({ unreadOnly: z.boolean().default(false) });

export const markReadInput = z.union([
  z.object({
    ids: z
      .array(z.string().regex(/^[1-9][0-9]{0,17}$/, "Unknown notification"))
      .min(1)
      .max(100),
  }),
  z.object({ all: z.literal(true) }),
]);

export const setPreferenceInput = z.object({
  kind: z.enum(NOTIFICATION_KINDS, "Unknown kind"),
  delivery: z.enum(NOTIFICATION_DELIVERIES, "Pick how to be told"),
});

/** The stream's input: tRPC puts the last `tracked()` id seen into `lastEventId` when it reconnects. */
export const liveNotificationsInput = z
  .object({
    lastEventId: z
      .string()
      .regex(/^(0|[1-9][0-9]{0,17})$/, "Unknown event id")
      .nullish(),
  })
  .default({});
