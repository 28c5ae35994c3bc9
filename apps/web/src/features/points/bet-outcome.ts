import type { RouterOutputs } from "@booky/server";

export type MyBetRow = RouterOutputs["bets"]["mine"]["items"][number];

/** A bet's outcome as a short label for the history. */
export function betOutcome(bet: Pick<MyBetRow["bet"], "status" | "payout">): string {
  switch (bet.status) {
    case "won":
      return `Won ${(bet.payout ?? 0).toLocaleString()} points`;
    case "lost":
      return "Lost";
    case "refunded":
      return "Refunded";
    case "cancelled":
      return "Cancelled";
    default:
      return "Waiting for the result";
  }
}
