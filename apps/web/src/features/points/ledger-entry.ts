import type { RouterOutputs } from "@booky/server";

export type LedgerEntry = RouterOutputs["points"]["ledger"]["items"][number];

/** What a ledger entry was for, in words ("Stake on Leon", "Finish reward"); `horse` names a stake's horse when known. */
export function ledgerLabel(entry: Pick<LedgerEntry, "kind">, horse: string | undefined): string {
  switch (entry.kind) {
    case "grant":
      return "Welcome grant";
    case "stake":
      return horse ? `Stake on ${horse}` : "Stake";
    case "payout":
      return "Payout";
    case "refund":
      return "Refund";
    case "finish_reward":
      return "Finish reward";
    case "attendance_reward":
      return "Attendance reward";
  }
}

const signed = new Intl.NumberFormat(undefined, { signDisplay: "always" });
/** "+150", "−100": which way the balance moved. */
export const signedPoints = (amount: number) => signed.format(amount);
