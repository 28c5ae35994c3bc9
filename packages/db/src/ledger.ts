import type { LedgerDraft } from "@booky/domain";
import type { Executor } from "./client.js";
import { pointLedger } from "./schema/points.js";

/**
 * Appends entries to the points ledger; an entry whose key is already there
 * is skipped (so retries and races grant nothing twice). A trigger moves the
 * balances; an entry that would overspend fails the whole statement with
 * `point_balances_non_negative`. Returns the entries actually appended.
 */
export async function appendLedger(db: Executor, drafts: readonly LedgerDraft[]) {
  if (drafts.length === 0) return [];
  return db
    .insert(pointLedger)
    .values(drafts.map((draft) => ({ ...draft })))
    .onConflictDoNothing({ target: pointLedger.key })
    .returning();
}
