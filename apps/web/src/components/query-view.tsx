import type { ReactNode } from "react";
import { errorMessage } from "../lib/errors";
import { Alert, Card, EmptyState, Skeleton } from "./ui";

/** What a query result (plain or infinite) says about its data: the states a view shows. */
export type QueryState<T> =
  | { status: "pending" }
  | { status: "error"; error: unknown }
  | { status: "success"; data: T };

/** A column of `count` skeleton rows, while a list loads. */
export function Skeletons({ count, className }: { count: number; className: string }) {
  return (
    <div className="flex flex-col gap-2">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders without identity
        <Skeleton key={index} className={className} />
      ))}
    </div>
  );
}

export type QueryViewProps<T> = {
  query: QueryState<T>;
  /** Shown while loading; a short block by default. */
  loading?: ReactNode;
  /** Shown instead of `children` when `isEmpty(data)`. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
};

/** A query's data once loaded; until then a skeleton, on failure the reason, when empty what to do next. */
export function QueryView<T>({
  query,
  loading = <Skeleton className="h-16" />,
  empty,
  isEmpty,
  children,
}: QueryViewProps<T>) {
  if (query.status === "pending") return loading;
  if (query.status === "error") return <Alert>{errorMessage(query.error)}</Alert>;
  if (empty !== undefined && isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return children(query.data);
}

/** A titled card around a query's view, with an optional `footer` (links, "more") shown in every state. */
export function QueryCard<T>({
  title,
  className,
  footer,
  ...view
}: QueryViewProps<T> & { title: string; className?: string; footer?: ReactNode }) {
  return (
    <Card title={title} className={className}>
      <QueryView {...view} />
      {footer}
    </Card>
  );
}

/** The first failure among the actions of a list, above it. */
export function MutationError({ of }: { of: readonly { isError: boolean; error: unknown }[] }) {
  const failed = of.find((mutation) => mutation.isError);
  if (!failed) return null;
  return (
    <div className="mb-3">
      <Alert>{errorMessage(failed.error)}</Alert>
    </div>
  );
}
