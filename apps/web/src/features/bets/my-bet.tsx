import { allowsBetCancel } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert, ConfirmButton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { type BetPool, useRefreshPoints } from "./use-bet-pool";

type Bet = NonNullable<BetPool["myBet"]>;
type Meeting = RouterOutputs["meetings"]["get"];

const points = (amount: number) => `${amount.toLocaleString()} point${amount === 1 ? "" : "s"}`;

/** What became of the caller's bet, in a sentence. */
export function betSentence(bet: Pick<Bet, "status" | "stake" | "payout">, horse: string): string {
  switch (bet.status) {
    case "won":
      return `Your bet on ${horse} won: ${points(bet.payout ?? 0)} paid out for your stake of ${points(bet.stake)}.`;
    case "lost":
      return `Your bet of ${points(bet.stake)} on ${horse} lost: it went to the winners.`;
    case "refunded":
      return `Your stake of ${points(bet.stake)} on ${horse} was refunded.`;
    case "cancelled":
      return `You took back your bet of ${points(bet.stake)} on ${horse}.`;
    default:
      return `You staked ${points(bet.stake)} on ${horse}.`;
  }
}

/** The caller's bet on this meeting, with a way to take it back until the meeting starts. */
export function MyBet({
  bet,
  meeting,
  onCancelled,
  focusOnMount = false,
}: {
  bet: Bet;
  meeting: Meeting;
  onCancelled: () => void;
  /** Just placed: say so where the member's focus is. */
  focusOnMount?: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshPoints();
  // Told before the refresh: once it lands this bet is gone, and with it any callback given to `mutate`.
  const cancel = useMutation(
    trpc.bets.cancel.mutationOptions({
      onSuccess: () => {
        onCancelled();
        return refresh();
      },
    }),
  );
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusOnMount) summary.current?.focus();
  }, [focusOnMount]);
  const horse = bet.horse.displayName;
  const cancellable = bet.status === "open" && allowsBetCancel(meeting, new Date()).ok;
  const tone = bet.status === "won" ? "success" : "info";

  return (
    <div className="flex flex-col items-start gap-2">
      <h3 className="font-semibold">Your bet</h3>
      <Alert tone={tone}>
        <p ref={summary} tabIndex={-1}>
          {betSentence(bet, horse)}
        </p>
      </Alert>
      {cancel.isError && <Alert>{errorMessage(cancel.error)}</Alert>}
      {cancellable && (
        <ConfirmButton
          question={`Take back your ${points(bet.stake)} on ${horse}?`}
          confirmLabel="Yes, cancel my bet"
          busy={cancel.isPending}
          onConfirm={() => cancel.mutate({ betId: bet.id })}
        >
          Cancel my bet
        </ConfirmButton>
      )}
    </div>
  );
}
