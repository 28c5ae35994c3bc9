import { createHash } from "node:crypto";
import { and, type Executor, eq, isNull, mailDeliveries, type StoredMail, sql } from "@booky/db";
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
): Promise<"sent" | "already-sent" | "none"> {
  const [row] = await db
    .update(mailDeliveries)
    .set({ attempts: sql`${mailDeliveries.attempts} + 1` })
    .where(and(eq(mailDeliveries.key, key), isNull(mailDeliveries.sentAt)))
    .returning({ message: mailDeliveries.message });
  if (!row) return (await db.$count(mailDeliveries, eq(mailDeliveries.key, key))) > 0 ? "already-sent" : "none";
  await mailer.send(row.message);
  await db.update(mailDeliveries).set({ sentAt: sql`now()` }).where(eq(mailDeliveries.key, key));
  return "sent";
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
