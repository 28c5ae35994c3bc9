import { LEDGER_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { bets } from "./bets.js";
import { reference } from "./columns.js";
import { constraint } from "./constraints.js";
import { meetings } from "./meetings.js";

export const ledgerKind = pgEnum("ledger_kind", LEDGER_KINDS);

/**
 * Each user's points. Never written directly: a trigger on `point_ledger`
 * adds every entry's amount here, so a balance is by construction the sum of
 * its ledger, and the CHECK rejects any entry that would make it negative.
 */
export const pointBalances = pgTable(
  "point_balances",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    balance: integer("balance").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check(constraint.pointBalancesNonNegative, sql`${t.balance} >= 0`)],
);

/**
 * Append-only (a trigger refuses updates and deletes). `key` makes each entry
 * happen at most once whatever retries or races occur (see `ledgerKey`).
 * `scoreDelta` is what the entry adds to the user's score (see `scoreDelta`).
 */
export const pointLedger = pgTable(
  "point_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: reference("user_id", () => users.id),
    kind: ledgerKind("kind").notNull(),
    amount: integer("amount").notNull(),
    scoreDelta: integer("score_delta").notNull().default(0),
    key: text("key").notNull().unique(),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    betId: uuid("bet_id").references(() => bets.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check("point_ledger_amount_nonzero", sql`${t.amount} <> 0`),
    check("point_ledger_score_delta_non_negative", sql`${t.scoreDelta} >= 0`),
    index("point_ledger_user_idx").on(t.userId, t.id),
    index("point_ledger_meeting_idx").on(t.meetingId),
  ],
);

export type LedgerEntry = typeof pointLedger.$inferSelect;
