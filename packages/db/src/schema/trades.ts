import { LOAN_STATUSES, PENDING_STATUSES, TRADE_SIDES } from "@booky/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, momentAt, reference } from "./columns.js";
import { constraint } from "./constraints.js";
import { copies } from "./shelves.js";

export const tradeStatus = pgEnum("trade_status", PENDING_STATUSES);
export const tradeSide = pgEnum("trade_side", TRADE_SIDES);

/**
 * One proposal: the proposer's copies (offered) for the recipient's
 * (requested), or a gift. Decided once through the pending-decision
 * mechanism; a counter declines it and points at its replacement. Once
 * accepted, the fulfilment job moves the copies and stamps `fulfilled_at`
 * with a `snapshot` of what was traded.
 */
export const tradeProposals = pgTable(
  "trade_proposals",
  {
    id: id(),
    fromUserId: reference("from_user_id", () => users.id, "cascade"),
    toUserId: reference("to_user_id", () => users.id, "cascade"),
    message: text("message").notNull().default(""),
    gift: boolean("gift").notNull().default(false),
    status: tradeStatus("status").notNull().default("pending"),
    counterOfId: uuid("counter_of_id").references((): AnyPgColumn => tradeProposals.id),
    createdAt: createdAt(),
    decidedAt: momentAt("decided_at"),
    fulfilledAt: momentAt("fulfilled_at"),
    snapshot: jsonb("snapshot"),
  },
  (t) => [
    check("trade_proposals_not_self", sql`${t.fromUserId} <> ${t.toUserId}`),
    check("trade_proposals_fulfilled_accepted", sql`${t.fulfilledAt} is null or ${t.status} = 'accepted'`),
    index("trade_proposals_to_status_idx").on(t.toUserId, t.status, t.createdAt),
    index("trade_proposals_from_status_idx").on(t.fromUserId, t.status, t.createdAt),
    index("trade_proposals_pending_created_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    // The operator dashboard's trades completed per week.
    index("trade_proposals_fulfilled_idx").on(t.fulfilledAt).where(sql`${t.fulfilledAt} is not null`),
  ],
);

/**
 * The copies of a proposal. `reserved` is true while the proposal is
 * pending, or accepted and not yet fulfilled; the partial unique index then
 * keeps a copy in at most one live proposal. A trigger (custom migration)
 * releases the items when a proposal is declined, cancelled or expired; the
 * fulfilment releases them when the copies have moved.
 */
export const tradeItems = pgTable(
  "trade_items",
  {
    id: id(),
    proposalId: reference("proposal_id", () => tradeProposals.id, "cascade"),
    copyId: uuid("copy_id").references(() => copies.id, { onDelete: "set null" }),
    side: tradeSide("side").notNull(),
    giverId: reference("giver_id", () => users.id, "cascade"),
    receiverId: reference("receiver_id", () => users.id, "cascade"),
    reserved: boolean("reserved").notNull().default(true),
    sentAt: momentAt("sent_at"),
    receivedAt: momentAt("received_at"),
  },
  (t) => [
    uniqueIndex(constraint.tradeItemsCopyReserved).on(t.copyId).where(sql`${t.reserved}`),
    uniqueIndex("trade_items_proposal_copy_key").on(t.proposalId, t.copyId),
    index("trade_items_copy_idx").on(t.copyId),
  ],
);

/** `blocker` refuses proposals (and loans) from `blocked`. */
export const tradeBlocks = pgTable(
  "trade_blocks",
  {
    blockerId: reference("blocker_id", () => users.id, "cascade"),
    blockedId: reference("blocked_id", () => users.id, "cascade"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    check("trade_blocks_not_self", sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

export const loanStatus = pgEnum("loan_status", LOAN_STATUSES);

/**
 * A copy lent to a member until `due_on`. Each side confirms the hand-over
 * (handed / received) and the return (returned / got back); `status`
 * follows from those marks. At most one active loan per copy.
 */
export const loans = pgTable(
  "loans",
  {
    id: id(),
    copyId: reference("copy_id", () => copies.id, "cascade"),
    lenderId: reference("lender_id", () => users.id, "cascade"),
    borrowerId: reference("borrower_id", () => users.id, "cascade"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: loanStatus("status").notNull().default("arranged"),
    handedAt: momentAt("handed_at"),
    receivedAt: momentAt("received_at"),
    returnedAt: momentAt("returned_at"),
    gotBackAt: momentAt("got_back_at"),
    remindedBeforeAt: momentAt("reminded_before_at"),
    remindedOverdueAt: momentAt("reminded_overdue_at"),
    createdAt: createdAt(),
    endedAt: momentAt("ended_at"),
  },
  (t) => [
    check("loans_not_self", sql`${t.lenderId} <> ${t.borrowerId}`),
    uniqueIndex(constraint.loansOneActivePerCopy).on(t.copyId).where(sql`${t.status} in ('arranged', 'out')`),
    index("loans_copy_created_idx").on(t.copyId, t.createdAt),
    index("loans_lender_idx").on(t.lenderId, t.status, t.createdAt),
    index("loans_borrower_idx").on(t.borrowerId, t.status, t.createdAt),
    index("loans_out_due_idx").on(t.dueOn).where(sql`${t.status} = 'out'`),
  ],
);

export type TradeProposal = typeof tradeProposals.$inferSelect;
