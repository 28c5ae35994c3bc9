import type { ReactNode } from "react";
import { pageItems } from "../lib/pages";
import { MutationError, type QueryState, QueryView } from "./query-view";
import { Card, LoadMore } from "./ui";

type Pages<T> = { pages: readonly { items: readonly T[] }[] };
type PagedQuery<T> = QueryState<Pages<T>> & {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** The divided list rows of a card sit in; `ordered` when the order itself means something (a feed). */
export function RowList({
  label,
  ordered = false,
  children,
}: {
  label?: string;
  ordered?: boolean;
  children: ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <List aria-label={label} className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
      {children}
    </List>
  );
}

/** One row of a list: what it is about on the left, what to do with it on the right. */
export function Row({ children }: { children: ReactNode }) {
  return <li className="flex flex-wrap items-center justify-between gap-2 py-2">{children}</li>;
}

export type PagedListProps<T> = {
  query: PagedQuery<T>;
  loading?: ReactNode;
  /** What the list says when it has no item; without it an empty list is shown as one. */
  empty?: ReactNode;
  label?: string;
  ordered?: boolean;
  /** The label of the "more" button; without it there is none. */
  moreLabel?: string;
  /** One `<li>` per item. */
  children: (item: T) => ReactNode;
};

/** A cursor-paginated list: its loading and error states, its rows, and the button for the next page. */
export function PagedList<T>({ query, loading, empty, label, ordered, moreLabel, children }: PagedListProps<T>) {
  return (
    <>
      <QueryView query={query} loading={loading} empty={empty} isEmpty={(data) => pageItems(data).length === 0}>
        {(data) => (
          <RowList label={label} ordered={ordered}>
            {pageItems(data).map(children)}
          </RowList>
        )}
      </QueryView>
      {moreLabel && <LoadMore query={query} label={moreLabel} />}
    </>
  );
}

/** A titled card holding a paged list, with the first failure of its row actions (`errors`) above it. */
export function PagedListCard<T>({
  title,
  className,
  errors = [],
  footer,
  ...list
}: PagedListProps<T> & {
  title: string;
  className?: string;
  errors?: readonly { isError: boolean; error: unknown }[];
  footer?: ReactNode;
}) {
  return (
    <Card title={title} className={className}>
      <MutationError of={errors} />
      <PagedList {...list} />
      {footer}
    </Card>
  );
}
