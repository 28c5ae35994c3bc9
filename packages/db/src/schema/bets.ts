import { BET_STATUSES, SETTLEMENT_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { id, momentAt, reference } from "./columns.js";
import { constraint } from "./constraints.js";
import { meetings } from "./meetings.js";

export const betStatus = pgEnum("bet_status", BET_STATUSES);
export const settlementKind = pgEnum("settlement_kind", SETTLEMENT_KINDS);

/** A member's stake on one attendee (the horse) finishing the book first. */
export const bets = pgTable(
  "bets",
  {
    id: id(),
    meetingId: reference("meeting_id", () => meetings.id),
    userId: reference("user_id", () => users.id),
    horseId: reference("horse_id", () => users.id),
    stake: integer("stake").notNull(),
    status: betStatus("status").notNull().default("open"),
    payout: integer("payout"),
    placedAt: timestamp("placed_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    settledAt: momentAt("settled_at"),
  },
  (t) => [
    check("bets_stake_positive", sql`${t.stake} >= 1`),
    check("bets_payout_non_negative", sql`${t.payout} is null or ${t.payout} >= 0`),
    // One live bet per member per meeting; a cancelled bet frees the slot, and so does a refunded one (its horse
    // left the race, or the club turned betting off: the bettor may back someone else).
    uniqueIndex(constraint.betsOnePerMeeting)
      .on(t.meetingId, t.userId)
      .where(sql`${t.status} not in ('cancelled', 'refunded')`),
    index("bets_meeting_horse_idx").on(t.meetingId, t.horseId),
    index("bets_user_placed_idx").on(t.userId, t.placedAt, t.id),
    // The operator dashboard's points staked in open bets: an index-only read of the open ones.
    index("bets_open_stake_idx").on(t.stake).where(sql`${t.status} = 'open'`),
  ],
);

/** The settled marker: one row per meeting, written in the settling transaction. */
export const meetingSettlements = pgTable("meeting_settlements", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => meetings.id),
  kind: settlementKind("kind").notNull(),
  pool: integer("pool").notNull(),
  winnerIds: uuid("winner_ids").array().notNull(),
  finishers: integer("finishers").notNull(),
  attendees: integer("attendees").notNull(),
  settledAt: timestamp("settled_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Bet = typeof bets.$inferSelect;
