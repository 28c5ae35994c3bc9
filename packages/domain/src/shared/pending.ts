/**
 * Something one side asks and the other decides, once: a club join request,
 * a club invitation, a friend request, a trade proposal. It stays `pending`
 * until exactly one decision moves it on; the decision is final.
 */
export const PENDING_STATUSES = ["pending", "accepted", "declined", "cancelled", "expired"] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];
export type Decision = Exclude<PendingStatus, "pending">;

/** Who may take a decision: the side asked (accept, decline), the side asking (cancel), or the clock (expire). */
export type DecidingParty = "recipient" | "sender" | "clock";

const decidedBy: Record<Decision, DecidingParty> = {
  accepted: "recipient",
  declined: "recipient",
  cancelled: "sender",
  expired: "clock",
};

export function decidingParty(decision: Decision): DecidingParty {
  return decidedBy[decision];
}
