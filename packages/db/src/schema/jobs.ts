import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The job runners alive now: each process that runs graphile-worker's workers
 * registers its worker ids here and refreshes `seen_at` every few seconds.
 * A job locked by a worker no fresh row lists belongs to a dead process (killed,
 * out of memory, its machine gone), and any runner unlocks it at once with
 * graphile-worker's `force_unlock_workers` instead of waiting for the four-hour
 * lock expiry.
 */
export const jobRunners = pgTable(
  "job_runners",
  {
    id: text("id").primaryKey(),
    /** graphile-worker's ids for this runner's pool and workers (`jobs.locked_by` holds the pool's). */
    workerIds: text("worker_ids").array().notNull().default(sql`'{}'::text[]`),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("job_runners_seen_at_idx").on(table.seenAt)],
);
