import { and, type Database, inArray, lte, meetings, sql } from "@booky/db";
import { AUTO_CLOSE_FROM, autoCloseCutoff, isDueForAutoClose } from "@booky/domain";
import type { FastifyBaseLogger } from "fastify";
import type { TaskList } from "graphile-worker";
import { z } from "zod";
import type { Config } from "../config.js";
import { countSiteTotals } from "../services/admin-dashboard.js";
import type { BookMetadata } from "../services/books/book-metadata.js";
import { enqueueJob, enqueueLeaderboardRefresh, enqueueSettlement } from "../services/jobs.js";
import { refreshLeaderboards } from "../services/leaderboards.js";
import type { LlmClient } from "../services/llm-client.js";
import { pruneDeliveredMail } from "../services/mail-outbox.js";
import type { Mailer } from "../services/mailer.js";
import { sendMeetingReminders } from "../services/meeting-reminders.js";
import { transitionMeeting } from "../services/meetings.js";
import { sendFinishReminders, sendMilestoneReminders } from "../services/milestone-reminders.js";
import { membersWithDigest, sendDigest, sendNotificationMail } from "../services/notification-mail.js";
import { sendPasswordResetMail } from "../services/password-reset.js";
import { closePoll } from "../services/polls.js";
import { computeBookNeighbours } from "../services/recommendations.js";
import { summarizeBook } from "../services/review-summaries.js";
import { settleMeeting } from "../services/settlement.js";
import { deliverWebhook } from "../services/webhook-delivery.js";
import { createImportTasks, importCrontab } from "./import-tasks.js";
import { createTradeTasks, tradeCrontab } from "./trade-tasks.js";

const settlePayload = z.object({ meetingId: z.uuid() });
const bookPayload = z.object({ bookId: z.uuid() });
const mailPayload = z.object({ notificationId: z.number().int().positive() });
const digestPayload = z.object({ userId: z.uuid() });
const resetPayload = z.object({ email: z.string().min(1) });
const pollPayload = z.object({ pollId: z.uuid() });
const webhookPayload = z.object({ deliveryId: z.uuid() });

/** What the jobs need beyond the database: the mailer and its settings, and the Books API (imports). */
export interface MailDeps {
  mailer: Mailer;
  config: Pick<
    Config,
    | "PUBLIC_URL"
    | "JWT_SECRET"
    | "PASSWORD_RESET_TTL_MINUTES"
    | "WEBHOOKS_ALLOW_PRIVATE_TARGETS"
    | "WEBHOOK_TIMEOUT_MS"
    | "MAIL_OUTBOX_RETENTION_DAYS"
  >;
  bookMetadata: BookMetadata;
}

/** How many forgotten meetings one sweep closes; the next minute takes the rest. */
const SWEEP_BATCH = 100;

export function createTaskList(
  db: Database,
  log: FastifyBaseLogger,
  mail: MailDeps,
  /** Writes review summaries when LLM_BASE_URL is set; the built-in summary otherwise. */
  llm: LlmClient | null = null,
): TaskList {
  return {
    ...createTradeTasks(db, log, mail.mailer),
    ...createImportTasks(db, log, mail.bookMetadata),
    /** A failed delivery throws: graphile-worker retries with backoff (25 attempts by default). */
    async "send-notification-email"(payload) {
      const { notificationId } = mailPayload.parse(payload);
      await sendNotificationMail(db, mail.mailer, mail.config, notificationId);
    },

    /** Daily: one digest job per member with notifications waiting for it. */
    async "queue-digests"() {
      const members = await membersWithDigest(db);
      for (const userId of members) await enqueueJob(db, "send-digest", { userId }, { jobKey: `digest:${userId}` });
      if (members.length > 0) log.info({ digests: members.length }, "digests queued");
    },

    /** The digest is composed once per job (its mail keyed by the job's id): a retry sends that one. */
    async "send-digest"(payload, helpers) {
      const { userId } = digestPayload.parse(payload);
      await sendDigest(db, mail.mailer, mail.config, userId, `digest:${helpers.job.id}`);
    },

    async "send-password-reset"(payload, helpers) {
      const { email } = resetPayload.parse(payload);
      await sendPasswordResetMail(db, mail.mailer, mail.config, email, `password-reset:${helpers.job.id}`);
    },

    /** Daily: delivered mail older than MAIL_OUTBOX_RETENTION_DAYS leaves the outbox (unsent mail stays). */
    async "prune-mail-outbox"() {
      const removed = await pruneDeliveredMail(db, mail.config.MAIL_OUTBOX_RETENTION_DAYS);
      if (removed > 0) log.info({ removed }, "mail outbox pruned");
    },

    async "settle-meeting"(payload) {
      const { meetingId } = settlePayload.parse(payload);
      const result = await settleMeeting(db, meetingId);
      log.info({ meetingId, ...result }, "settlement");
      if (result.status === "settled") await enqueueLeaderboardRefresh(db);
    },

    /**
     * Every minute: closes meetings nobody closed, six hours after their start
     * (scheduled ones pass through active), and re-queues the settlement of any
     * ended meeting still unsettled a minute later (e.g. its worker died).
     */
    async "close-due-meetings"() {
      // The domain rule (`isDueForAutoClose`) decides; its cutoff narrows the query to the candidates.
      const now = new Date();
      const candidates = await db
        .select({ id: meetings.id, status: meetings.status, startsAt: meetings.startsAt })
        .from(meetings)
        .where(and(inArray(meetings.status, AUTO_CLOSE_FROM), lte(meetings.startsAt, autoCloseCutoff(now))))
        .limit(SWEEP_BATCH);
      const due = candidates.filter((meeting) => isDueForAutoClose(meeting, now));
      for (const meeting of due) {
        await db
          .transaction(async (tx) => {
            if (meeting.status === "scheduled") await transitionMeeting(tx, meeting.id, "active");
            await transitionMeeting(tx, meeting.id, "closed");
          })
          .catch((error: unknown) => log.warn({ err: error, meetingId: meeting.id }, "auto-close skipped"));
      }
      const unsettled = await db.execute<{ id: string }>(sql`
        select m.id from ${meetings} m
        where m.status in ('closed', 'cancelled')
          and coalesce(m.closed_at, m.cancelled_at) < now() - interval '1 minute'
          and not exists (select 1 from meeting_settlements s where s.meeting_id = m.id)
        limit ${SWEEP_BATCH}`);
      for (const row of unsettled) await enqueueSettlement(db, row.id);
      if (due.length + unsettled.length > 0) {
        log.info({ closed: due.length, requeued: unsettled.length }, "meeting sweep");
      }
    },

    /** Every minute: the members of each club with a meeting a day away are reminded of it, once. */
    async "meeting-reminders"() {
      const reminded = await sendMeetingReminders(db);
      if (reminded > 0) log.info({ reminded }, "meeting reminders");
    },

    /**
     * Every minute: attendees behind a milestone due within a day are reminded of it, once per milestone;
     * those of a scheduled meeting who have not finished a day before its deadline, once per meeting.
     */
    async "milestone-reminders"() {
      const reminded = await sendMilestoneReminders(db);
      const finishing = await sendFinishReminders(db);
      if (reminded + finishing > 0) log.info({ reminded, finishing }, "milestone reminders");
    },

    /** At a poll's closing time; closing twice is a no-op, so a retry or a second worker changes nothing. */
    async "close-poll"(payload) {
      const { pollId } = pollPayload.parse(payload);
      const result = await closePoll(db, pollId);
      log.info({ pollId, ...result }, "poll close");
    },

    /** One event to one webhook; a failed attempt throws, so the queue retries it with exponential backoff. */
    async "deliver-webhook"(payload) {
      const { deliveryId } = webhookPayload.parse(payload);
      const result = await deliverWebhook(db, deliveryId, {
        allowPrivate: mail.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
        timeoutMs: mail.config.WEBHOOK_TIMEOUT_MS,
        publicUrl: mail.config.PUBLIC_URL,
      });
      log.info({ deliveryId, ...result }, "webhook delivery");
    },

    async "refresh-leaderboards"() {
      await refreshLeaderboards(db);
    },

    /** Every five minutes: the operator dashboard's site-wide totals (points in circulation). */
    async "count-site-totals"() {
      await countSiteTotals(db);
    },

    /** A book's reviews changed (debounced per book): its cached summary is recomputed. */
    async "summarize-book"(payload) {
      const { bookId } = bookPayload.parse(payload);
      const kind = await summarizeBook(db, bookId, llm);
      log.info({ bookId, kind }, "review summary");
    },

    /** Nightly: every book's nearest neighbours by who rated it, for recommendations. */
    async "compute-book-neighbours"() {
      const result = await computeBookNeighbours(db);
      log.info(result, "book neighbours");
    },
  };
}

export const crontab = [
  "* * * * * close-due-meetings",
  "* * * * * meeting-reminders",
  "* * * * * milestone-reminders",
  "*/5 * * * * refresh-leaderboards",
  "*/5 * * * * count-site-totals",
  "17 3 * * * compute-book-neighbours",
  ...tradeCrontab,
  ...importCrontab,
  "0 7 * * * queue-digests",
  "41 4 * * * prune-mail-outbox",
].join("\n");
