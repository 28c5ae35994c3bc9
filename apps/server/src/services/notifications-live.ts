import { and, asc, type Executor, eq, gt, notifications, sql } from "@booky/db";
import type { NotificationHub } from "./notification-hub.js";
import { type NotificationView, viewNotifications } from "./notifications-view.js";

const BATCH = 100;

/**
 * A member's notifications as they happen. `lastSeq` (the last event id the
 * page saw) resumes: everything after it is read from the table first, then
 * each doorbell ring reads what is new. Reading `seq > cursor` from the one
 * table, in order, is what makes it lose nothing and show nothing twice. A
 * fresh stream (no `lastSeq`) starts after the newest notification.
 */
export async function* liveNotifications(
  db: Executor,
  hub: NotificationHub,
  userId: string,
  lastSeq: number | null,
  signal: AbortSignal,
): AsyncGenerator<NotificationView> {
  const doorbell = hub.doorbell(userId);
  try {
    let cursor = lastSeq ?? (await latestSeq(db, userId));
    while (!signal.aborted && !hub.closed.aborted) {
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
