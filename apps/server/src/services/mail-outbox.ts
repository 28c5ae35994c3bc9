import { createHash } from "node:crypto";
import { and, type Database, type Executor, eq, isNull, lt, mailDeliveries, type StoredMail, sql } from "@booky/db";
import type { Mail, Mailer } from "./mailer.js";

/** A Message-ID derived from the outbox key, so every attempt at one message carries the same one. */
const messageIdOf = (key: string) => `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@booky>`;

/**
 * Records the message a job owes under `key` (the first composition wins: a
 * retry sends what was stored). Inside the transaction that decides to mail,
 * the message exists exactly when that decision commits.
 */
export async function queueMail(db: Executor, key: string, mail: Mail): Promise<void> {
  const message: StoredMail = { ...mail, messageId: mail.messageId ?? messageIdOf(key) };
  await db.insert(mailDeliveries).values({ key, message }).onConflictDoNothing();
}

/**
 * Sends the message stored under `key` unless it was sent: counts the attempt,
 * runs the SMTP transaction, and records `sent_at` as soon as the server has
 * accepted it, before the job that called this is marked done. A worker killed
 * before the server's "250 OK" leaves the message unsent, and the job's retry
 * sends it; killed after `sent_at` is stored, the retry sends nothing. (The
 * one window left is between the "250 OK" and that single-row update.)
 */
export async function deliverQueued(
  db: Executor,
  mailer: Mailer,
  key: string,
  options: DeliveryOptions = {},
): Promise<"sent" | "already-sent" | "none"> {
  const [row] = await db
    .update(mailDeliveries)
    .set({ attempts: sql`${mailDeliveries.attempts} + 1` })
    .where(and(eq(mailDeliveries.key, key), isNull(mailDeliveries.sentAt)))
    .returning({ message: mailDeliveries.message });
  if (!row) return (await db.$count(mailDeliveries, eq(mailDeliveries.key, key))) > 0 ? "already-sent" : "none";
  await mailer.send(row.message);
  await db
    .update(mailDeliveries)
    .set({
      sentAt: sql`now()`,
      ...(options.forgetBody ? { message: sql`${mailDeliveries.message} || '{"text":"","html":""}'::jsonb` } : {}),
    })
    .where(eq(mailDeliveries.key, key));
  return "sent";
}

export interface DeliveryOptions {
  /** Once sent, keep only the envelope (to, subject, Message-ID): for a body that holds a credential (a reset link). */
  forgetBody?: boolean;
}

/**
 * For a job that decides what to mail as it runs (claims notifications for a
 * digest, mints a reset token): `compose` runs once per `key` (use the job's
 * id), in one transaction with the message it returns, and every retry of the
 * job delivers that stored message instead of deciding again. A worker killed
 * anywhere leaves either nothing decided (the retry composes) or a stored
 * message (the retry sends it unless the SMTP server already accepted it).
 */
export async function composeOnce<T>(
  db: Database,
  mailer: Mailer,
  key: string,
  compose: (tx: Executor) => Promise<{ mail: Mail; result: T } | null>,
  options: DeliveryOptions = {},
): Promise<{ delivery: "sent" | "already-sent" | "none"; result: T | null }> {
  const result = await db.transaction(async (tx) => {
    if ((await tx.$count(mailDeliveries, eq(mailDeliveries.key, key))) > 0) return null;
    const composed = await compose(tx);
    if (composed) await queueMail(tx, key, composed.mail);
    return composed?.result ?? null;
  });
  return { delivery: await deliverQueued(db, mailer, key, options), result };
}

/** Drops the unsent message under `key` once it is older than `minutes` (its content went stale: an expired link). */
export async function dropStaleUnsent(db: Executor, key: string, minutes: number): Promise<void> {
  await db
    .delete(mailDeliveries)
    .where(
      and(
        eq(mailDeliveries.key, key),
        isNull(mailDeliveries.sentAt),
        lt(mailDeliveries.createdAt, sql`now() - make_interval(mins => ${minutes})`),
      ),
    );
}

/**
 * Removes delivered messages older than `days`, a batch at a time (the unsent
 * stay: a job may still owe them, and an operator may want to see why they
 * failed). Answers how many went.
 */
export async function pruneDeliveredMail(db: Executor, days: number, batch = 1000): Promise<number> {
  let removed = 0;
  for (;;) {
    const gone = await db.execute(sql`delete from ${mailDeliveries} where key in (
      select key from ${mailDeliveries}
      where ${mailDeliveries.sentAt} < now() - make_interval(days => ${days}) limit ${batch})`);
    removed += gone.count;
    if (gone.count < batch) return removed;
  }
}

/** `queueMail` then `deliverQueued`: one message, delivered once however often the job runs. */
export async function deliverOnce(db: Executor, mailer: Mailer, key: string, mail: Mail) {
  await queueMail(db, key, mail);
  return deliverQueued(db, mailer, key);
}

/** A deleted account's messages leave the outbox (sent or not: its address and what it was told go with it). */
export async function forgetMailOf(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`delete from ${mailDeliveries}
    where ${mailDeliveries.message}->>'to' = (select email from users where id = ${userId})`);
}
