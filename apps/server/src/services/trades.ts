import {
  alias,
  and,
  books,
  copies,
  type Database,
  type Executor,
  eq,
  inArray,
  ne,
  or,
  sql,
  tradeBlocks,
  tradeItems,
  tradeProposals,
  users,
} from "@booky/db";
import { type HandoverStep, handoverState } from "@booky/domain";
import type { AppDeps } from "../context.js";
import { AppError, conflict, fieldError, forbidden, notFound, staleError } from "../errors.js";
import { publicProfileColumns } from "./accounts.js";
import { bookSummaryColumns } from "./books/summary.js";
import { enqueueJob } from "./jobs.js";
import { notifyTrade } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { tradeProposalDecisions } from "./pending-kinds.js";
import { copyOnLoan } from "./shelves-copies.js";
import { areAcquainted } from "./shelves-relations.js";

type Page = { cursor?: string | null | undefined; limit: number };
export interface TradeTerms {
  offeredCopyIds: string[];
  requestedCopyIds: string[];
  gift: boolean;
  message: string;
}
type TradeDeps = Pick<AppDeps, "db" | "rateLimits">;

const tradesPager = definePager({ list: "trades.list", order: "desc", key: "timestamp" });
const blocksPager = definePager({ list: "trades.blocked", order: "desc", key: "timestamp" });
const proposer = alias(users, "proposer");
const recipient = alias(users, "recipient");
const giver = alias(users, "giver");

const proposalColumns = {
  id: tradeProposals.id,
  status: tradeProposals.status,
  message: tradeProposals.message,
  gift: tradeProposals.gift,
  counterOfId: tradeProposals.counterOfId,
  createdAt: tradeProposals.createdAt,
  decidedAt: tradeProposals.decidedAt,
  fulfilledAt: tradeProposals.fulfilledAt,
  snapshot: tradeProposals.snapshot,
  from: { id: proposer.id, username: proposer.username, displayName: proposer.displayName },
  to: { id: recipient.id, username: recipient.username, displayName: recipient.displayName },
};

const involves = (userId: string) => or(eq(tradeProposals.fromUserId, userId), eq(tradeProposals.toUserId, userId));

/** Whether `blockerId` blocks `blockedId` from proposing. */
async function blocks(db: Executor, blockerId: string, blockedId: string) {
  const [row] = await db
    .select({ blockerId: tradeBlocks.blockerId })
    .from(tradeBlocks)
    .where(and(eq(tradeBlocks.blockerId, blockerId), eq(tradeBlocks.blockedId, blockedId)));
  return Boolean(row);
}

/** May `fromId` propose trades (or lend) to `toId`: friends or club-mates, and not blocked by them. */
export async function requireTradingPartner(db: Executor, fromId: string, toId: string, field = "toUserId") {
  if (fromId === toId) throw fieldError(field, "You cannot trade with yourself");
  const [target] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, toId), sql`${users.deletedAt} is null`));
  if (!target) throw notFound("No such member");
  if (!(await areAcquainted(db, fromId, toId))) {
    throw forbidden("You can only trade with friends and members of your clubs");
  }
  if (await blocks(db, toId, fromId)) throw forbidden("This member does not take proposals from you");
}

/**
 * Checks and locks the copies of a proposal: the offered ones must be the
 * proposer's, the requested ones the recipient's and open to trade. Inserts
 * the items; a copy already reserved by another live proposal is refused by
 * the partial unique index (a CONFLICT, however many proposals race).
 */
export async function insertProposal(
  tx: Executor,
  fromId: string,
  toId: string,
  terms: TradeTerms,
  counterOfId?: string,
) {
  const ids = [...terms.offeredCopyIds, ...terms.requestedCopyIds];
  const found = await tx
    .select({ id: copies.id, ownerId: copies.ownerId, availability: copies.availability })
    .from(copies)
    .where(inArray(copies.id, ids))
    .orderBy(copies.id)
    .for("update");
  const byId = new Map(found.map((copy) => [copy.id, copy]));
  if (terms.offeredCopyIds.some((id) => byId.get(id)?.ownerId !== fromId)) {
    throw fieldError("offeredCopyIds", "Offer only copies of your own");
  }
  const requestedOk = (id: string) => {
    const copy = byId.get(id);
    return copy?.ownerId === toId && copy.availability === "open_to_trade";
  };
  if (!terms.requestedCopyIds.every(requestedOk)) {
    throw fieldError("requestedCopyIds", "Ask only for their copies that are open to trade");
  }
  for (const id of ids) {
    const busy = await copyOnLoan(tx, id);
    if (busy) throw fieldError(terms.offeredCopyIds.includes(id) ? "offeredCopyIds" : "requestedCopyIds", busy);
  }
  const [proposal] = await tx
    .insert(tradeProposals)
    .values({ fromUserId: fromId, toUserId: toId, message: terms.message, gift: terms.gift, counterOfId })
    .returning({ id: tradeProposals.id, status: tradeProposals.status });
  if (!proposal) throw new Error("proposal insert returned nothing");
  await tx.insert(tradeItems).values([
    ...terms.offeredCopyIds.map((copyId) => ({
      proposalId: proposal.id,
      copyId,
      side: "offered" as const,
      giverId: fromId,
      receiverId: toId,
    })),
    ...terms.requestedCopyIds.map((copyId) => ({
      proposalId: proposal.id,
      copyId,
      side: "requested" as const,
      giverId: toId,
      receiverId: fromId,
    })),
  ]);
  return proposal;
}

/** A proposal (or a counter, with `counterOfId`) made and its recipient told, in the caller's transaction. */
async function proposeWithin(tx: Executor, fromId: string, toId: string, terms: TradeTerms, counterOfId?: string) {
  const proposal = await insertProposal(tx, fromId, toId, terms, counterOfId);
  const kind = counterOfId ? "trade_countered" : "trade_proposed";
  await notifyTrade(tx, kind, { id: proposal.id, fromUserId: fromId, toUserId: toId }, "recipient");
  return proposal;
}

/** Proposes N of the caller's copies for M of another member's (or a gift). Rate limited per member. */
export async function proposeTrade(deps: TradeDeps, fromId: string, input: TradeTerms & { toUserId: string }) {
  await requireTradingPartner(deps.db, fromId, input.toUserId);
  await deps.rateLimits.consume("tradeProposalsPerUser", fromId);
  return deps.db.transaction(async (tx) => {
    return proposeWithin(tx, fromId, input.toUserId, input);
  });
}

/** A lost decision (someone decided first) as a CONFLICT with the trade's status now; NOT_FOUND if it is not theirs. */
async function decisionLost(db: Executor, error: unknown, userId: string, tradeId: string): Promise<never> {
  if (!(error instanceof AppError) || error.kind !== "not_found") throw error;
  const [current] = await db
    .select({ status: tradeProposals.status })
    .from(tradeProposals)
    .where(and(eq(tradeProposals.id, tradeId), involves(userId)));
  if (current && current.status !== "pending") {
    throw staleError(`This trade is ${current.status} already`, { status: current.status });
  }
  throw error;
}

/** The recipient accepts: the fulfilment job moves the copies (exactly once) and mails both sides. */
export function acceptTrade(db: Database, userId: string, tradeId: string) {
  return db
    .transaction(async (tx) => {
      const decided = await tradeProposalDecisions.decide(tx, {
        id: tradeId,
        decision: "accepted",
        actor: { userId },
        missing: "No pending trade proposal with this id for you",
      });
      await enqueueFulfilment(tx, decided.id);
      await notifyTrade(tx, "trade_accepted", decided, "proposer");
      return { id: decided.id, status: "accepted" as const };
    })
    .catch((error: unknown) => decisionLost(db, error, userId, tradeId));
}

export function enqueueFulfilment(db: Executor, tradeId: string) {
  return enqueueJob(db, "fulfil-trade", { tradeId }, { jobKey: `fulfil-trade:${tradeId}` });
}

/** The sweep's part: pending proposals older than the cutoff expire, and both sides are told. */
export function expireTrades(db: Database, olderThan: Date) {
  return db.transaction(async (tx) => {
    const expired = await tradeProposalDecisions.expire(tx, olderThan);
    for (const trade of expired) {
      await notifyTrade(tx, "trade_expired", trade, "proposer");
      await notifyTrade(tx, "trade_expired", trade, "recipient");
    }
    return expired.length;
  });
}

export function declineTrade(db: Database, userId: string, tradeId: string) {
  const missing = "No pending trade proposal with this id for you";
  return db
    .transaction(async (tx) => {
      const decided = await tradeProposalDecisions.decide(tx, {
        id: tradeId,
        decision: "declined",
        actor: { userId },
        missing,
      });
      await notifyTrade(tx, "trade_declined", decided, "proposer");
      return { ok: true as const };
    })
    .catch((error: unknown) => decisionLost(db, error, userId, tradeId));
}

export function cancelTrade(db: Database, userId: string, tradeId: string) {
  const missing = "No pending trade proposal with this id from you";
  return tradeProposalDecisions
    .settle(db, { id: tradeId, decision: "cancelled", actor: { userId }, missing })
    .catch((error: unknown) => decisionLost(db, error, userId, tradeId));
}

/**
 * The recipient answers with terms of their own: the proposal is declined and
 * replaced, in one transaction, by a new one from them (`counterOfId` links
 * the two). The old proposal's copies are released first, so the counter may
 * name them again.
 */
export async function counterTrade(deps: TradeDeps, userId: string, input: TradeTerms & { tradeId: string }) {
  await deps.rateLimits.consume("tradeProposalsPerUser", userId);
  return deps.db
    .transaction(async (tx) => {
      const old = await tradeProposalDecisions.decide(tx, {
        id: input.tradeId,
        decision: "declined",
        actor: { userId },
        missing: "No pending trade proposal with this id for you",
      });
      if (await blocks(tx, old.fromUserId, userId)) throw forbidden("This member does not take proposals from you");
      return proposeWithin(tx, userId, old.fromUserId, input, old.id);
    })
    .catch((error: unknown) => decisionLost(deps.db, error, userId, input.tradeId));
}

/** Every copy of the given trades, with its book, grade and hand-over marks. */
async function itemsOf(db: Executor, tradeIds: string[]) {
  if (tradeIds.length === 0) return [];
  return db
    .select({
      tradeId: tradeItems.proposalId,
      copyId: tradeItems.copyId,
      side: tradeItems.side,
      giverId: tradeItems.giverId,
      giverUsername: giver.username,
      receiverId: tradeItems.receiverId,
      sentAt: tradeItems.sentAt,
      receivedAt: tradeItems.receivedAt,
      condition: copies.condition,
      notes: copies.notes,
      book: bookSummaryColumns,
    })
    .from(tradeItems)
    .innerJoin(giver, eq(giver.id, tradeItems.giverId))
    .leftJoin(copies, eq(copies.id, tradeItems.copyId))
    .leftJoin(books, eq(books.id, copies.bookId))
    .where(inArray(tradeItems.proposalId, tradeIds))
    .orderBy(tradeItems.side, tradeItems.id);
}

function withItems<T extends { id: string }>(trades: T[], items: Awaited<ReturnType<typeof itemsOf>>) {
  return trades.map((trade) => {
    const own = items.filter((item) => item.tradeId === trade.id);
    return { ...trade, items: own, handover: handoverState(own) };
  });
}

const tradeQuery = (db: Executor) =>
  db
    .select(proposalColumns)
    .from(tradeProposals)
    .innerJoin(proposer, eq(proposer.id, tradeProposals.fromUserId))
    .innerJoin(recipient, eq(recipient.id, tradeProposals.toUserId));

/** One trade the caller is a party to, with its copies and hand-over state. */
export async function getTrade(db: Executor, userId: string, tradeId: string) {
  const [trade] = await tradeQuery(db).where(and(eq(tradeProposals.id, tradeId), involves(userId)));
  if (!trade) throw notFound("No such trade of yours");
  const [shown] = withItems([trade], await itemsOf(db, [trade.id]));
  return shown as NonNullable<typeof shown>;
}

/** Pending proposals to the caller (incoming), from the caller (outgoing), or decided ones (history); newest first. */
export async function listTrades(
  db: Executor,
  userId: string,
  input: Page & { box: "incoming" | "outgoing" | "history" },
) {
  const condition =
    input.box === "incoming"
      ? and(eq(tradeProposals.toUserId, userId), eq(tradeProposals.status, "pending"))
      : input.box === "outgoing"
        ? and(eq(tradeProposals.fromUserId, userId), eq(tradeProposals.status, "pending"))
        : and(involves(userId), ne(tradeProposals.status, "pending"));
  const sort = { key: tradeProposals.createdAt, id: tradeProposals.id };
  const rows = await pageRows(tradeQuery(db).$dynamic(), tradesPager, sort, input, condition);
  const page = tradesPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
  const items = await itemsOf(
    db,
    page.items.map((trade) => trade.id),
  );
  return { items: withItems(page.items, items), nextCursor: page.nextCursor };
}

/** Marks the caller's copies of a fulfilled trade as sent (those they give) or received (those they get). */
export async function markHandover(db: Executor, userId: string, input: { tradeId: string; step: HandoverStep }) {
  const trade = await getTrade(db, userId, input.tradeId);
  if (!trade.fulfilledAt) throw conflict("The trade is not fulfilled yet; wait a moment and try again");
  const mine = input.step === "sent" ? eq(tradeItems.giverId, userId) : eq(tradeItems.receiverId, userId);
  const set =
    input.step === "sent"
      ? { sentAt: sql`coalesce(${tradeItems.sentAt}, now())` }
      : { receivedAt: sql`coalesce(${tradeItems.receivedAt}, now())` };
  await db
    .update(tradeItems)
    .set(set)
    .where(and(eq(tradeItems.proposalId, trade.id), mine));
  return getTrade(db, userId, input.tradeId);
}

/** Stops `blockedId` from proposing trades to the caller (their pending proposals stay to be decided). */
export async function blockMember(db: Executor, userId: string, blockedId: string) {
  if (userId === blockedId) throw fieldError("userId", "You cannot block yourself");
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, blockedId));
  if (!target) throw notFound("No such member");
  await db.insert(tradeBlocks).values({ blockerId: userId, blockedId }).onConflictDoNothing();
  return { ok: true as const };
}

export async function unblockMember(db: Executor, userId: string, blockedId: string) {
  const removed = await db
    .delete(tradeBlocks)
    .where(and(eq(tradeBlocks.blockerId, userId), eq(tradeBlocks.blockedId, blockedId)))
    .returning({ blockedId: tradeBlocks.blockedId });
  if (removed.length === 0) throw notFound("You have not blocked this member");
  return { ok: true as const };
}

/** The members the caller blocks, most recent first. */
export async function listBlocked(db: Executor, userId: string, page: Page) {
  const query = db
    .select({ since: tradeBlocks.createdAt, user: publicProfileColumns })
    .from(tradeBlocks)
    .innerJoin(users, eq(users.id, tradeBlocks.blockedId));
  const sort = { key: tradeBlocks.createdAt, id: tradeBlocks.blockedId };
  const rows = await pageRows(query.$dynamic(), blocksPager, sort, page, eq(tradeBlocks.blockerId, userId));
  return blocksPager.page(rows, page.limit, (row) => ({ key: row.since, id: row.user.id }));
}
