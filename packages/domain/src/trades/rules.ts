import { TRADE_EXPIRY_DAYS } from "./constants.js";

/** What a proposal asks for: `offered` copies of the proposer's for `requested` of the recipient's. */
export interface TradeShape {
  offered: readonly string[];
  requested: readonly string[];
  gift: boolean;
}

/**
 * N of mine for M of theirs, N and M at least one; a gift (M = 0) must say
 * so, so that a forgotten pick is never sent as a present. No copy twice.
 * Returns the field at fault with the reason, or null.
 */
export function tradeShapeProblem(shape: TradeShape): { field: string; message: string } | null {
  if (shape.offered.length === 0) return { field: "offeredCopyIds", message: "Offer at least one of your copies" };
  if (shape.gift && shape.requested.length > 0) {
    return { field: "requestedCopyIds", message: "A gift asks for nothing back" };
  }
  if (!shape.gift && shape.requested.length === 0) {
    return { field: "requestedCopyIds", message: "Pick at least one of their copies, or mark this as a gift" };
  }
  const all = [...shape.offered, ...shape.requested];
  if (new Set(all).size !== all.length) return { field: "offeredCopyIds", message: "Each copy can be in a trade once" };
  return null;
}

/** The moment before which a pending proposal has expired. */
export function tradeExpiryCutoff(now: Date): Date {
  return new Date(now.getTime() - TRADE_EXPIRY_DAYS * 86_400_000);
}

/** Where the hand-over of a fulfilled trade stands, from each copy's sent and received marks. */
export type HandoverState = "awaiting" | "in_transit" | "complete";

export function handoverState(items: readonly { sentAt: Date | null; receivedAt: Date | null }[]): HandoverState {
  if (items.length > 0 && items.every((item) => item.receivedAt)) return "complete";
  return items.some((item) => item.sentAt || item.receivedAt) ? "in_transit" : "awaiting";
}

/** How close a member is, for ordering matches: friends first, then club-mates, then the rest. */
export function closenessRank(relation: { friend: boolean; clubMate: boolean }): number {
  if (relation.friend) return 0;
  return relation.clubMate ? 1 : 2;
}
