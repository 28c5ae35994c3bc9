import { COPY_CONDITIONS, type CopyCondition } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { PagedListCard, Row } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { MutationError } from "../../components/query-view";
import { Button, Card, SelectField } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { availabilityLabel, conditionLabel } from "./labels";
import { ReadingStatusSelect } from "./reading-status-select";

/** On a book's page: my status and reads, my copies (add one), and friends' and club-mates' copies. */
export function BookShelfPanel({ bookId }: { bookId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.shelves.forBook.queryOptions({ bookId }));
  const myCopies = useQuery(trpc.copies.ofBook.queryOptions({ bookId }));
  const owners = useInfiniteQuery(trpc.copies.owners.infiniteQueryOptions({ bookId, limit: 10 }, byCursor));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.copies.pathKey() }),
    ]);
  const setStatus = useMutation(trpc.shelves.setStatus.mutationOptions({ onSuccess: refresh }));
  const addCopy = useMutation(trpc.copies.add.mutationOptions({ onSuccess: refresh }));
  const [condition, setCondition] = useState<CopyCondition>("good");

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card title="On my shelves">
        <MutationError of={[setStatus, addCopy]} />
        <ReadingStatusSelect
          label="My status"
          value={mine.data?.status ?? null}
          onChange={(status) => status && setStatus.mutate({ bookId, status })}
          noneLabel="Not on my shelves"
        />
        {mine.data?.reads.length ? (
          <ul aria-label="My reads" className="mt-2 text-sm">
            {mine.data.reads.map((read) => (
              <li key={read.id}>
                {read.startedOn ?? "?"} → {read.finishedOn ?? "reading"}
                {read.outcome === "did_not_finish" ? " (did not finish)" : ""}
              </li>
            ))}
          </ul>
        ) : null}
        <h3 className="mt-4 text-sm font-semibold">My copies</h3>
        <ul aria-label="My copies of this book" className="text-sm">
          {(myCopies.data ?? []).map((copy) => (
            <li key={copy.id}>
              {conditionLabel[copy.condition]} · {availabilityLabel[copy.availability]}
            </li>
          ))}
        </ul>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <SelectField
            label="Condition"
            value={condition}
            onChange={(event) => setCondition(event.target.value as CopyCondition)}
          >
            {COPY_CONDITIONS.map((value) => (
              <option key={value} value={value}>
                {conditionLabel[value]}
              </option>
            ))}
          </SelectField>
          <Button variant="secondary" busy={addCopy.isPending} onClick={() => addCopy.mutate({ bookId, condition })}>
            I own a copy
          </Button>
        </div>
      </Card>
      <PagedListCard
        title="Who has it"
        label="Friends and club-mates with a copy"
        query={owners}
        empty="None of your friends or club-mates has a copy yet."
        moreLabel="Show more copies"
      >
        {(copy) => (
          <Row key={copy.id}>
            <PersonLink user={copy.owner} />
            <span className="text-sm text-stone-600 dark:text-stone-400">
              {conditionLabel[copy.condition]} · {availabilityLabel[copy.availability]}
              {copy.friend ? " · friend" : " · club-mate"}
            </span>
            {copy.availability === "open_to_trade" && (
              <Link to={`/trades/new/${copy.owner.id}`} className="text-sm underline">
                Propose a trade to {copy.owner.displayName}
              </Link>
            )}
          </Row>
        )}
      </PagedListCard>
    </div>
  );
}
