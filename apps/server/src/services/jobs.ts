import { type Executor, sql } from "@booky/db";

export type JobName =
  | "settle-meeting"
  | "close-due-meetings"
  | "meeting-reminders"
  | "refresh-leaderboards"
  | "summarize-book"
  | "compute-book-neighbours"
  | "fulfil-trade"
  | "send-trade-mail"
  | "trades-sweep"
  | "loan-reminders"
  | "send-loan-mail"
  | "run-import"
  | "imports-sweep"
  | "send-notification-email"
  | "queue-digests"
  | "send-digest"
  | "send-password-reset"
  | "prune-mail-outbox"
  | "close-poll"
  | "deliver-webhook";

export interface EnqueueOptions {
  /** At most one pending job per key; adding again replaces it (or, if it is running, queues a fresh one). */
  jobKey?: string;
  /** `preserve_run_at` debounces: repeated adds keep the first time. */
  jobKeyMode?: "replace" | "preserve_run_at";
  delaySeconds?: number;
  /** When to run, instead of a delay (a poll's closing time). */
  runAt?: Date;
  /** The queue's own attempt limit (25 unless given). */
  maxAttempts?: number;
}

/**
 * Queues a graphile-worker job from inside the caller's transaction, so the
 * job exists if and only if the change that needs it commits.
 */
export async function enqueueJob(
  db: Executor,
  name: JobName,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(
    identifier => ${name}::text,
    payload => ${JSON.stringify(payload)}::json,
    run_at => coalesce(${options.runAt?.toISOString() ?? null}::timestamptz, now() + make_interval(secs => ${options.delaySeconds ?? 0})),
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => ${options.jobKeyMode ?? "replace"}::text,
    max_attempts => ${options.maxAttempts ?? null}::int
  )`);
}

/** Settles (or refunds) a closed or cancelled meeting's bets. */
export function enqueueSettlement(db: Executor, meetingId: string) {
  return enqueueJob(db, "settle-meeting", { meetingId }, { jobKey: `settle:${meetingId}` });
}

/** Leaderboards are materialized views; changes to scores ask for a refresh a few seconds later, coalesced. */
export function enqueueLeaderboardRefresh(db: Executor) {
  return enqueueJob(
    db,
    "refresh-leaderboards",
    {},
    { jobKey: "refresh-leaderboards", jobKeyMode: "preserve_run_at", delaySeconds: 2 },
  );
}

/** How long a book's summary waits after the first review change, so a burst of changes is summarized once. */
export const SUMMARY_DEBOUNCE_SECONDS = 2;

/** A book's reviews changed: its summary is recomputed shortly after, once per burst (job key per book). */
export function enqueueSummary(db: Executor, bookId: string) {
  return enqueueJob(
    db,
    "summarize-book",
    { bookId },
    { jobKey: `summarize:${bookId}`, jobKeyMode: "preserve_run_at", delaySeconds: SUMMARY_DEBOUNCE_SECONDS },
  );
}

/** Mails one notification a member wants at once; retried by the queue until delivered. */
export function enqueueNotificationMail(db: Executor, notificationId: number) {
  return enqueueJob(db, "send-notification-email", { notificationId }, { jobKey: `mail:${notificationId}` });
}
