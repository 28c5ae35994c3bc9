import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, momentAt } from "./columns.js";

/** One message as the mailer sends it (the mailer's `Mail`), stored so a retry sends the same bytes. */
export interface StoredMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * The mail outbox: one row per message a job owes, keyed by what it is about
 * (`trade-mail:<trade>:<member>`, `notification:<id>` …). The row is written
 * before the SMTP transaction and `sent_at` right after the server's "250 OK",
 * before the job is marked done: a job retried after its worker died finds the
 * message sent and sends nothing, or finds it unsent (the worker died before
 * the server accepted it) and sends the stored message again.
 */
export const mailDeliveries = pgTable(
  "mail_deliveries",
  {
    key: text("key").primaryKey(),
    message: jsonb("message").$type<StoredMail>().notNull(),
    /** SMTP transactions started for this message (a worker killed mid-send leaves 1 and no `sent_at`). */
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    sentAt: momentAt("sent_at"),
  },
  // The daily prune finds delivered messages past their retention by this.
  (table) => [index("mail_deliveries_sent_at_idx").on(table.sentAt)],
);
