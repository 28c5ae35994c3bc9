import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import type { FullClub } from "./club-loader";

/** The club admin's switch for betting on all the club's meetings; turning it off refunds every open bet. */
export function ClubBettingCard({ club }: { club: FullClub }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The switch moves at once; if the server refuses, it goes back.
  const [enabled, setEnabled] = useState(club.bettingEnabled);
  const setBetting = useMutation(
    trpc.clubs.setBetting.mutationOptions({
      onError: () => setEnabled(club.bettingEnabled),
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.bets.pathKey() }),
        ]),
    }),
  );
  const refunded = setBetting.data?.refundedBets ?? 0;
  return (
    <Card title="Betting">
      <div className="flex flex-col items-start gap-3">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={enabled}
            disabled={setBetting.isPending}
            aria-describedby="club-betting-help"
            onChange={(event) => {
              setEnabled(event.target.checked);
              setBetting.mutate({ clubId: club.id, enabled: event.target.checked });
            }}
          />
          Members can bet on this club's meetings
        </label>
        <p id="club-betting-help" className="text-sm text-stone-700 dark:text-stone-300">
          Turning betting off refunds every open bet and hides the pools. Reading progress, the race board and the
          points for finishing and attending stay.
        </p>
        {setBetting.isSuccess && (
          <Alert tone="info">
            {setBetting.data.bettingEnabled
              ? "Betting is on."
              : `Betting is off. ${refunded} open ${refunded === 1 ? "bet was" : "bets were"} refunded.`}
          </Alert>
        )}
        {setBetting.isError && <Alert>{errorMessage(setBetting.error)}</Alert>}
      </div>
    </Card>
  );
}
