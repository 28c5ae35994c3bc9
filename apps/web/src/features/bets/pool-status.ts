import type { RouterOutputs } from "@booky/server";
import type { BetPool } from "./use-bet-pool";

type Meeting = RouterOutputs["meetings"]["get"];

/** "Leon", "Leon and Odette", "Leon, Odette and Swann". */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The display names of the race's winners (attendees who have since left count as "a former attendee"). */
export function winnerNames(pool: BetPool): string[] {
  const byId = new Map(pool.winners.map((winner) => [winner.id, winner.displayName]));
  return (pool.settlement?.winnerIds ?? []).map((id) => byId.get(id) ?? "a former attendee");
}

/** One sentence on where the pool stands: open, frozen, settling, or where it went. */
export function poolStatus(meeting: Pick<Meeting, "status">, pool: BetPool): string {
  const { settlement } = pool;
  const points = `${pool.pool.toLocaleString()} point${pool.pool === 1 ? "" : "s"}`;
  if (settlement) {
    const winners = namesList(winnerNames(pool));
    if (meeting.status === "cancelled") return "The meeting was cancelled: every stake went back to its owner.";
    if (settlement.kind === "paid") {
      return `${winners} finished first: the pool of ${points} went to the bets on ${settlement.winnerIds.length > 1 ? "them" : winners}.`;
    }
    return winners
      ? `${winners} finished first, but nobody had bet on ${settlement.winnerIds.length > 1 ? "them" : winners}: every stake was refunded.`
      : "Nobody finished the book by the reading deadline: every stake was refunded.";
  }
  switch (meeting.status) {
    case "closed":
    case "cancelled":
      return "Settling the bets… the results show here in a moment.";
    case "active":
      return `Bets are closed and the race is on: the pool of ${points} is paid out when the meeting closes.`;
    default:
      return pool.open
        ? "Stake points on who finishes the book first, before the reading deadline. The whole pool goes to the bets on the winner."
        : "Bets are closed: the reading deadline has passed.";
  }
}
