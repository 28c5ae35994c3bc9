import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedListCard } from "../../components/paged-list";
import { PageTitle } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { TradeCard } from "./trade-card";

const boxes = [
  ["incoming", "Proposals to you"],
  ["outgoing", "Your proposals"],
  ["history", "History"],
] as const;

function TradeBox({ box, title }: { box: (typeof boxes)[number][0]; title: string }) {
  const trpc = useTRPC();
  const trades = useInfiniteQuery({
    ...trpc.trades.list.infiniteQueryOptions({ box, limit: 10 }, byCursor),
    // A trade accepted a moment ago is fulfilled by a job: keep the history fresh while one is under way.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.items.some((trade) => trade.status === "accepted" && !trade.fulfilledAt),
      )
        ? 1000
        : false,
  });
  return (
    <PagedListCard title={title} label={title} query={trades} empty="Nothing here." moreLabel="Show more trades">
      {(trade) => <TradeCard key={trade.id} trade={trade} />}
    </PagedListCard>
  );
}

/** The trade inbox: proposals to me, mine, and past trades with their hand-over. */
export function TradesPage() {
  return (
    <div>
      <PageTitle subtitle="Swap books with friends and club-mates: propose from a book's page.">Trades</PageTitle>
      <div className="flex flex-col gap-6">
        {boxes.map(([box, title]) => (
          <TradeBox key={box} box={box} title={title} />
        ))}
      </div>
    </div>
  );
}
