import { and, asc, type Database, type Executor, eq, inArray, notifications, sql, users } from "@booky/db";
import { notificationSentence, spoilerNotice } from "@booky/domain";
import type { Config } from "../config.js";
import { composeOnce, deliverQueued, queueMail } from "./mail-outbox.js";
import type { Mailer } from "./mailer.js";
import { type NotificationView, viewNotifications } from "./notifications-view.js";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe.js";

type MailConfig = Pick<Config, "PUBLIC_URL" | "JWT_SECRET">;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Where in the web app a notification leads (as the notifications page links it). */
function linkOf(config: MailConfig, view: NotificationView): string {
  const path =
    view.threadId && view.club
      ? `/clubs/${view.club.slug}/discussions/${view.threadId}`
      : view.data.pollId && view.club
        ? `/clubs/${view.club.slug}/polls/${view.data.pollId}`
        : view.meeting
          ? `/meetings/${view.meeting.id}`
          : view.club
            ? `/clubs/${view.club.slug}`
            : "/notifications";
  return new URL(path, config.PUBLIC_URL).toString();
}

/** A notification in words: its sentence and, when there is text, the text or the spoiler notice in its place. */
function entry(config: MailConfig, view: NotificationView) {
  const sentence = notificationSentence(view);
  const detail = view.spoiler ? `${spoilerNotice(view.spoiler)} (open Booky to reveal it)` : view.excerpt;
  return { sentence, detail, link: linkOf(config, view) };
}

function compose(
  config: MailConfig,
  to: { email: string; displayName: string; id: string },
  subject: string,
  views: NotificationView[],
  scope: Parameters<typeof unsubscribeUrl>[3],
) {
  const entries = views.map((view) => entry(config, view));
  const unsubscribe = unsubscribeUrl(config.PUBLIC_URL, config.JWT_SECRET, to.id, scope);
  const settings = new URL("/settings/notifications", config.PUBLIC_URL).toString();
  const text = [
    `Hi ${to.displayName},`,
    "",
    ...entries.flatMap((item) => [
      `• ${item.sentence}`,
      ...(item.detail ? [`  ${item.detail}`] : []),
      `  ${item.link}`,
      "",
    ]),
    `Choose what Booky mails you: ${settings}`,
    `Unsubscribe from these e-mails: ${unsubscribe}`,
  ].join("\n");
  const html = `<p>Hi ${escapeHtml(to.displayName)},</p>
<ul>${entries
    .map(
      (item) =>
        `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.sentence)}</a>${
          item.detail ? `<br><span>${escapeHtml(item.detail)}</span>` : ""
        }</li>`,
    )
    .join("\n")}</ul>
<p><a href="${escapeHtml(settings)}">Choose what Booky mails you</a> · <a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`;
  return { to: to.email, subject, text, html, headers: unsubscribeHeaders(unsubscribe) };
}

async function recipient(db: Executor, userId: string) {
  const [member] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId));
  return member && !member.deletedAt ? member : null;
}

/**
 * Mails one notification a member wanted at once. The row is claimed (its
 * `email` set to sent) in the transaction that composes the message into the
 * outbox, and the outbox sends it after the commit: a failed delivery or a
 * worker killed mid-send leaves the message unsent and the job's retry sends
 * it; a message the SMTP server accepted is not sent again.
 */
export async function sendNotificationMail(db: Database, mailer: Mailer, config: MailConfig, notificationId: number) {
  const key = `notification:${notificationId}`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ email: "sent" })
      .where(and(eq(notifications.id, notificationId), eq(notifications.email, "immediate")))
      .returning();
    if (!row) return;
    const member = await recipient(tx, row.userId);
    if (!member) return;
    const [view] = await viewNotifications(tx, row.userId, [row]);
    if (!view) return;
    await queueMail(tx, key, compose(config, member, notificationSentence(view), [view], row.kind));
  });
  return { sent: (await deliverQueued(db, mailer, key)) === "sent" ? 1 : 0 };
}

/** At most this many notifications in one digest; the rest wait for tomorrow's. */
const DIGEST_MAX = 50;

/**
 * Mails a member's daily digest of what they chose to get that way. The
 * notifications are claimed in the transaction that stores the composed digest
 * in the outbox under `key` (the job's id), so a retry after the worker died
 * sends that digest (once) instead of claiming again.
 */
export async function sendDigest(db: Database, mailer: Mailer, config: MailConfig, userId: string, key: string) {
  const { result } = await composeOnce(db, mailer, key, async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.email, "digest")))
      .orderBy(asc(notifications.id))
      .limit(DIGEST_MAX)
      .for("update", { skipLocked: true });
    if (due.length === 0) return null;
    const rows = await tx
      .update(notifications)
      .set({ email: "sent" })
      .where(
        inArray(
          notifications.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
    const member = await recipient(tx, userId);
    if (!member) return null;
    const views = await viewNotifications(
      tx,
      userId,
      rows.sort((a, b) => a.id - b.id),
    );
    const subject = `Your Booky digest: ${views.length} new ${views.length === 1 ? "notification" : "notifications"}`;
    return { mail: compose(config, member, subject, views, "digest"), result: views.length };
  });
  return { sent: result ?? 0 };
}

/** Members with a digest owed, for the daily sweep to queue one job each. */
export async function membersWithDigest(db: Database): Promise<string[]> {
  const rows = await db.execute<{ user_id: string }>(
    sql`select distinct user_id from ${notifications} where email = 'digest'`,
  );
  return rows.map((row) => row.user_id);
}
