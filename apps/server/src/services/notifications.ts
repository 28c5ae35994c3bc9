import {
  and,
  type Executor,
  eq,
  inArray,
  isNull,
  type Notification,
  notificationPreferences,
  notifications,
  sql,
} from "@booky/db";
import {
  DEFAULT_DELIVERY,
  deliveryPlan,
  type listNotificationsInput,
  type markReadInput,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from "@booky/domain";
import type { z } from "zod";
import { enqueueNotificationMail } from "./jobs.js";
import { viewNotifications } from "./notifications-view.js";
import { definePager, pageRows } from "./pagination.js";

/** The channel every server process LISTENs on; a payload is "<user id>:<notification id>", nothing more. */
export const NOTIFICATION_CHANNEL = "booky_notifications";

/** One thing to tell one member. */
export type NotificationDraft = Pick<Notification, "userId" | "kind"> &
  Partial<Pick<Notification, "actorId" | "clubId" | "meetingId" | "threadId" | "commentId" | "data">>;

/**
 * Records notifications inside the caller's transaction, so they exist if
 * and only if what caused them commits. A member is never told about their
 * own act; a kind they turned off is not stored. Each recipient's `seq` comes
 * from their sequence row, locked in user-id order (no deadlock between two
 * notifiers); the NOTIFY carries ids only and is delivered at commit. A
 * mail wanted at once is a queued job from the same transaction.
 */
export async function notify(tx: Executor, drafts: NotificationDraft[]): Promise<void> {
  const wanted = drafts.filter((draft) => draft.userId !== draft.actorId);
  if (wanted.length === 0) return;
  const deliveries = await deliveriesFor(
    tx,
    wanted.map((draft) => draft.userId),
  );
  const stored = wanted
    .map((draft) => ({ draft, plan: deliveryPlan(deliveries(draft.userId, draft.kind)) }))
    .filter(({ plan }) => plan.stored)
    .sort((a, b) => (a.draft.userId < b.draft.userId ? -1 : a.draft.userId > b.draft.userId ? 1 : 0));
  if (stored.length === 0) return;
  const counts = new Map<string, number>();
  for (const { draft } of stored) counts.set(draft.userId, (counts.get(draft.userId) ?? 0) + 1);
  const sequences = await tx.execute<{ user_id: string; last_seq: number }>(sql`
    insert into notification_sequences as s (user_id, last_seq)
    select v.user_id, v.n from json_to_recordset(${JSON.stringify([...counts].map(([userId, n]) => ({ user_id: userId, n })))}::json)
      as v(user_id uuid, n int)
    on conflict (user_id) do update set last_seq = s.last_seq + excluded.last_seq
    returning user_id, last_seq`);
  const next = new Map(sequences.map((row) => [row.user_id, row.last_seq - (counts.get(row.user_id) ?? 0)]));
  const rows = stored.map(({ draft, plan }) => {
    const seq = (next.get(draft.userId) ?? 0) + 1;
    next.set(draft.userId, seq);
    return { ...draft, seq, email: plan.email };
  });
  const inserted = await tx
    .insert(notifications)
    .values(rows)
    .returning({ id: notifications.id, userId: notifications.userId, email: notifications.email });
  for (const row of inserted) if (row.email === "immediate") await enqueueNotificationMail(tx, row.id);
  const payloads = inserted.map((row) => `${row.userId}:${row.id}`);
  await tx.execute(
    sql`select pg_notify(${NOTIFICATION_CHANNEL}, p) from json_array_elements_text(${JSON.stringify(payloads)}::json) p`,
  );
}

/** Each of `userIds`' delivery of each kind: their choice, else the default. */
async function deliveriesFor(db: Executor, userIds: string[]) {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...new Set(userIds)]));
  const chosen = new Map(rows.map((row) => [`${row.userId}:${row.kind}`, row.delivery]));
  return (userId: string, kind: NotificationKind): NotificationDelivery =>
    chosen.get(`${userId}:${kind}`) ?? DEFAULT_DELIVERY[kind];
}

const listPager = definePager({ list: "notifications.list", order: "desc", key: "none", id: "serial" });

/** The member's notifications, newest first. */
export async function listNotifications(db: Executor, userId: string, input: z.output<typeof listNotificationsInput>) {
  const rows = await pageRows(
    db.select().from(notifications).$dynamic(),
    listPager,
    { id: notifications.id },
    input,
    and(eq(notifications.userId, userId), input.unreadOnly ? isNull(notifications.readAt) : undefined),
  );
  const page = listPager.page(rows, input.limit, (row) => ({ key: null, id: String(row.id) }));
  return { nextCursor: page.nextCursor, items: await viewNotifications(db, userId, page.items) };
}

export async function unreadCount(db: Executor, userId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
}

/** Marks some (by id) or all of the member's notifications read; others' ids are ignored. */
export async function markNotificationsRead(db: Executor, userId: string, input: z.output<typeof markReadInput>) {
  const which = "ids" in input ? inArray(notifications.id, input.ids.map(Number)) : undefined;
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which))
    .returning({ id: notifications.id });
  return { marked: marked.length, ...(await unreadCount(db, userId)) };
}

/** Every kind with the member's delivery for it. */
export async function notificationPreferencesOf(db: Executor, userId: string) {
  const delivery = await deliveriesFor(db, [userId]);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: delivery(userId, kind) }));
}

export async function setNotificationPreference(
  db: Executor,
  userId: string,
  kind: NotificationKind,
  delivery: NotificationDelivery,
) {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, delivery })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery } });
  return notificationPreferencesOf(db, userId);
}
