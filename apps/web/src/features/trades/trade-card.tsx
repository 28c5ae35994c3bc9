import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { MutationError } from "../../components/query-view";
import { ActionGroup, Button } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { conditionLabel } from "../shelves/labels";

type Trade = RouterOutputs["trades"]["list"]["items"][number];

const handoverLabel = { awaiting: "Not sent yet", in_transit: "On its way", complete: "Handed over" } as const;

/** One trade in the inbox: who gives what (with conditions), its status and hand-over, and what the caller may do. */
export function TradeCard({ trade }: { trade: Trade }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.status === "authenticated" ? session.user.id : "";
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.trades.pathKey() });
  const accept = useMutation(trpc.trades.accept.mutationOptions({ onSuccess }));
  const decline = useMutation(trpc.trades.decline.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.trades.cancel.mutationOptions({ onSuccess }));
  const handover = useMutation(trpc.trades.handover.mutationOptions({ onSuccess }));
  const incoming = trade.to.id === me;
  const other = incoming ? trade.from : trade.to;
  const side = (giverId: string) => trade.items.filter((item) => item.giverId === giverId);
  const status = trade.fulfilledAt
    ? "fulfilled"
    : trade.status === "accepted"
      ? "accepted, moving the copies"
      : trade.status;

  return (
    <li className="flex flex-col gap-2 py-3" aria-label={`Trade with ${other.displayName}`}>
      <p className="font-medium">
        {incoming ? `${trade.from.displayName} offers you` : `You offer ${trade.to.displayName}`}
        {trade.gift ? " a gift" : ""} · <span data-testid="trade-status">{status}</span>
      </p>
      {trade.message && <p className="text-sm italic">“{trade.message}”</p>}
      <div className="grid gap-2 text-sm sm:grid-cols-2">
        {[trade.from, trade.to].map((giver) => (
          <div key={giver.id}>
            <p className="font-semibold">{giver.id === me ? "You give" : `${giver.displayName} gives`}</p>
            <ul>
              {side(giver.id).map((item) => (
                <li key={item.copyId ?? item.book?.id}>
                  {item.book?.title ?? "A copy no longer here"}
                  {item.condition ? ` (${conditionLabel[item.condition]})` : ""}
                </li>
              ))}
              {side(giver.id).length === 0 && <li>Nothing (a gift)</li>}
            </ul>
          </div>
        ))}
      </div>
      {trade.fulfilledAt && <p className="text-sm">Hand-over: {handoverLabel[trade.handover]}</p>}
      <MutationError of={[accept, decline, cancel, handover]} />
      <ActionGroup label={`Trade with ${other.displayName}`}>
        {trade.status === "pending" && incoming && (
          <>
            <Button busy={accept.isPending} onClick={() => accept.mutate({ tradeId: trade.id })}>
              Accept
            </Button>
            <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate({ tradeId: trade.id })}>
              Decline
            </Button>
            <Link
              to={`/trades/new/${trade.from.id}?counter=${trade.id}`}
              className="rounded-lg px-4 py-2 text-sm font-semibold underline"
            >
              Counter
            </Link>
          </>
        )}
        {trade.status === "pending" && !incoming && (
          <Button variant="secondary" busy={cancel.isPending} onClick={() => cancel.mutate({ tradeId: trade.id })}>
            Cancel
          </Button>
        )}
        {trade.fulfilledAt && trade.handover !== "complete" && (
          <>
            <Button variant="secondary" onClick={() => handover.mutate({ tradeId: trade.id, step: "sent" })}>
              Mark my copies sent
            </Button>
            <Button variant="secondary" onClick={() => handover.mutate({ tradeId: trade.id, step: "received" })}>
              Mark received
            </Button>
          </>
        )}
      </ActionGroup>
    </li>
  );
}
