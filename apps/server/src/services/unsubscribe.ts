import { createHmac, timingSafeEqual } from "node:crypto";
import { and, type Executor, eq, notificationPreferences, notifications, sql, users } from "@booky/db";
import { NOTIFICATION_KINDS, type NotificationKind } from "@booky/domain";
import { fieldError } from "../errors.js";
import { notificationPreferencesOf } from "./notifications.js";

/**
 * One-click unsubscribe (RFC 8058). Every mail names one member and one kind
 * ("digest" for the daily digest, which holds many); its link carries an
 * HMAC of both under the server's secret, so it needs no login, cannot be
 * forged for another member or kind, and stores nothing. A POST to it
 * unsubscribes (idempotent); a GET only shows the confirmation page, so a
 * link scanner fetching it changes nothing.
 */
export type UnsubscribeScope = NotificationKind | "digest";
const SCOPES: readonly string[] = [...NOTIFICATION_KINDS, "digest"];

function signature(secret: string, userId: string, scope: UnsubscribeScope): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${scope}`).digest();
}

/** The link (GET shows the page, POST unsubscribes) for one member and scope. */
export function unsubscribeUrl(publicUrl: string, secret: string, userId: string, scope: UnsubscribeScope): string {
  const url = new URL("/unsubscribe", publicUrl);
  url.searchParams.set("u", userId);
  url.searchParams.set("k", scope);
  url.searchParams.set("t", signature(secret, userId, scope).toString("base64url"));
  return url.toString();
}

/** The headers every notification mail carries. */
export function unsubscribeHeaders(link: string) {
  return { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member and scope a link names, once its signature checks out; BAD_REQUEST on `token` otherwise. */
export function verifyUnsubscribe(
  secret: string,
  params: { u?: unknown; k?: unknown; t?: unknown },
): { userId: string; scope: UnsubscribeScope } {
  const { u, k, t } = params;
  const invalid = () => fieldError("token", "This unsubscribe link is not valid");
  if (typeof u !== "string" || !UUID.test(u) || typeof k !== "string" || !SCOPES.includes(k) || typeof t !== "string") {
    throw invalid();
  }
  const given = Buffer.from(t, "base64url");
  const expected = signature(secret, u, k as UnsubscribeScope);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  return { userId: u, scope: k as UnsubscribeScope };
}

/**
 * Stops the e-mails of one kind (it stays in the app), or the digest (every
 * kind mailed in it stays in the app only); mails still owed for it are
 * dropped. Doing it twice changes nothing the second time.
 */
export async function unsubscribe(db: Executor, userId: string, scope: UnsubscribeScope) {
  return db.transaction(async (tx) => {
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!member) throw fieldError("token", "This unsubscribe link is not valid");
    const current = await notificationPreferencesOf(tx, userId);
    const affected = current.filter((pref) =>
      scope === "digest" ? pref.delivery === "email_digest" : pref.kind === scope && pref.delivery.startsWith("email_"),
    );
    for (const pref of affected) {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind: pref.kind, delivery: "in_app" })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { delivery: "in_app" },
        });
    }
    await tx
      .update(notifications)
      .set({ email: "skipped" })
      .where(
        and(
          eq(notifications.userId, userId),
          scope === "digest" ? eq(notifications.email, "digest") : eq(notifications.kind, scope),
          sql`${notifications.email} in ('immediate', 'digest')`,
        ),
      );
    return { scope, unsubscribed: affected.map((pref) => pref.kind) };
  });
}
