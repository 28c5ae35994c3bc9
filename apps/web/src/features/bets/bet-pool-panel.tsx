import type { RouterOutputs } from "@booky/server";
import { useState } from "react";
import { QueryCard } from "../../components/query-view";
import { EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { useSession } from "../../lib/use-session";
import { HorseBars } from "./horse-bars";
import { MyBet } from "./my-bet";
import { PlaceBetForm } from "./place-bet-form";
import { poolStatus } from "./pool-status";
import { useBetPool, useRefreshOnSettlement } from "./use-bet-pool";

type Meeting = RouterOutputs["meetings"]["get"];

/**
 * The meeting's betting pool: who is backed and at what odds, the caller's
 * own bet (or the form to place one), and once the meeting is over, where the
 * pool went. Refreshes with the rest of the meeting page.
 */
export function BetPoolPanel({ meeting }: { meeting: Meeting }) {
  const session = useSession();
  const myId = session.status === "authenticated" ? session.user.id : null;
  const pool = useBetPool(meeting.id);
  useRefreshOnSettlement(pool.data);
  // Where focus goes once the list has caught up with what the member just did.
  const [justDid, setJustDid] = useState<"placed" | "cancelled" | null>(null);

  return (
    <QueryCard
      title="Bets on the race"
      query={pool}
      loading={
        <div className="flex flex-col gap-3">
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-12" />
        </div>
      }
    >
      {(data) => (
        <div className="flex flex-col gap-5">
          <p aria-live="polite">{poolStatus(meeting, data)}</p>
          {data.pool > 0 && (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              Pool: <strong>{data.pool.toLocaleString()} points</strong>
            </p>
          )}
          <HorseBars pool={data} myId={myId} />
          <LoadMore query={pool} label="Show more horses" className="flex justify-center" />
          {data.open && data.myBet?.status === "refunded" && (
            <p className="text-sm">
              Your bet of {data.myBet.stake.toLocaleString()} points was refunded: its reader left the race. You may
              back someone else.
            </p>
          )}
          {data.myBet && (data.myBet.status !== "refunded" || !data.open) ? (
            <MyBet
              bet={data.myBet}
              meeting={meeting}
              focusOnMount={justDid === "placed"}
              onCancelled={() => setJustDid("cancelled")}
            />
          ) : !data.open ? null : meeting.myRsvp?.status === "going" ? (
            <PlaceBetForm
              meetingId={meeting.id}
              horses={data.horses}
              searchable={data.nextCursor !== null}
              myId={myId}
              focusOnMount={justDid === "cancelled"}
              onPlaced={() => setJustDid("placed")}
            />
          ) : (
            meeting.myRole && <EmptyState>Answer “Going” above to bet on who finishes first.</EmptyState>
          )}
        </div>
      )}
    </QueryCard>
  );
}
