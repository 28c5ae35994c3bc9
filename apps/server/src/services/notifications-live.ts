import { and, asc, type Executor, eq, gt, notifications, sql } from "@booky/db";
import type { NotificationHub } from "./notification-hub.js";
import { NOTIFICATION_CHANNEL } from "./notifications.js";
import { type NotificationView, viewNotifications } from "./notifications-view.js";
import { findActiveSessionUser } from "./sessions.js";

const BATCH = 100;

/**
 * A member's notifications as they happen. `lastSeq` (the last event id the
 * page saw) resumes: everything after it is read from the table first, then
 * each doorbell ring reads what is new. Reading `seq > cursor` from the one
 * table, in order, is what makes it lose nothing and show nothing twice. A
 * fresh stream (no `lastSeq`) starts after the newest notification.
 * Each wake first checks that the stream's session is still live: a
 * log-out, a password change or an account deletion rings the member's
 * doorbells (`endLiveStreams`), and the stream ends on every server.
 */
export async function* liveNotifications(
  db: Executor,
  hub: NotificationHub,
  session: { userId: string; sessionId: string },
  lastSeq: number | null,
  signal: AbortSignal,
): AsyncGenerator<NotificationView> {
  const { userId, sessionId } = session;
  const doorbell = hub.doorbell(userId);
  try {
    let cursor = lastSeq ?? (await latestSeq(db, userId));
    while (!signal.aborted && !hub.closed.aborted) {
      if (!(await findActiveSessionUser(db, sessionId, userId))) return;
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), gt(notifications.seq, cursor)))
        .orderBy(asc(notifications.seq))
        .limit(BATCH);
      for (const view of await viewNotifications(db, userId, rows)) {
        yield view;
        cursor = view.seq;
      }
      if (rows.length < BATCH) await doorbell.wait(signal);
    }
  } finally {
    doorbell.close();
  }
}

async function latestSeq(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${notifications.seq}), 0)::int` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return row?.seq ?? 0;
}

/** Rings every open stream of `userId` on every server (at commit), so each rechecks its session. */
export async function endLiveStreams(db: Executor, userId: string) {
  await db.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${`${userId}:session`})`);
}
