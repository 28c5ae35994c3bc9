import { useEffect } from "react";

/** What every cursor-paged list passes to `infiniteQueryOptions`: the next page starts where the last one ended. */
export const byCursor = { getNextPageParam: <C>(page: { nextCursor: C }) => page.nextCursor };

/** The items of every page loaded so far, in order. */
export function pageItems<T>(data: { pages: readonly { items: readonly T[] }[] } | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Follows the cursor to the end, for views that need every item (a month, a chart). */
export function useAllPages(query: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
}
