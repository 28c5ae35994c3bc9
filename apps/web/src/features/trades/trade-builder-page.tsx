import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { MutationError } from "../../components/query-view";
import { Button, Card, PageTitle, TextArea } from "../../components/ui";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { conditionLabel } from "../shelves/labels";

type Pick = { id: string; condition: keyof typeof conditionLabel; book: { title: string } };

function CopyChoices({
  legend,
  copies,
  chosen,
  toggle,
}: {
  legend: string;
  copies: Pick[];
  chosen: Set<string>;
  toggle: (id: string) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 font-semibold">{legend}</legend>
      {copies.length === 0 && <p className="text-sm">No copies to choose from.</p>}
      {copies.map((copy) => (
        <label key={copy.id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chosen.has(copy.id)} onChange={() => toggle(copy.id)} />
          {copy.book.title} ({conditionLabel[copy.condition]})
        </label>
      ))}
    </fieldset>
  );
}

/** The trade builder: my copies and theirs (open to trade, with their conditions), a message, or a gift. */
export function TradeBuilderPage() {
  const { userId = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const mine = useInfiniteQuery(trpc.copies.mine.infiniteQueryOptions({ limit: 50 }, byCursor));
  const theirs = useInfiniteQuery(trpc.copies.ofMember.infiniteQueryOptions({ userId, limit: 50 }, byCursor));
  const [offered, setOffered] = useState(new Set<string>());
  const [requested, setRequested] = useState(new Set<string>());
  const [gift, setGift] = useState(false);
  const [message, setMessage] = useState("");
  // `?counter=<trade id>`: the recipient answers a proposal with terms of their own (it replaces the proposal).
  const [search] = useSearchParams();
  const counterOf = search.get("counter");
  const propose = useMutation(trpc.trades.propose.mutationOptions({ onSuccess: () => navigate("/trades") }));
  const counter = useMutation(trpc.trades.counter.mutationOptions({ onSuccess: () => navigate("/trades") }));
  const toggle = (set: Set<string>, update: (next: Set<string>) => void) => (id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update(next);
  };

  return (
    <div>
      <PageTitle subtitle="Pick copies on both sides, or give one as a gift.">
        {counterOf ? "Counter the proposal" : "Propose a trade"}
      </PageTitle>
      <Card>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const terms = { offeredCopyIds: [...offered], requestedCopyIds: gift ? [] : [...requested], gift, message };
            if (counterOf) counter.mutate({ tradeId: counterOf, ...terms });
            else propose.mutate({ toUserId: userId, ...terms });
          }}
        >
          <div className="grid gap-6 sm:grid-cols-2">
            <CopyChoices
              legend="Your copies"
              copies={pageItems(mine.data)}
              chosen={offered}
              toggle={toggle(offered, setOffered)}
            />
            <CopyChoices
              legend="Their copies open to trade"
              copies={pageItems(theirs.data)}
              chosen={requested}
              toggle={toggle(requested, setRequested)}
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={gift} onChange={(event) => setGift(event.target.checked)} />
            This is a gift: I ask for nothing back
          </label>
          <TextArea label="Message" value={message} onChange={(event) => setMessage(event.target.value)} />
          <MutationError of={[propose, counter]} />
          <Button type="submit" busy={propose.isPending || counter.isPending}>
            {counterOf ? "Send counter-proposal" : "Send proposal"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
