interface MoreQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetching: boolean;
  fetchNextPage: () => unknown;
}

/**
 * "Show more" under a list whose first page came with the page itself (a
 * public club's meetings, its race): the list's own infinite query starts at
 * the page's `nextCursor` and stays off (`enabled: started`) until the first
 * press. What this returns goes to `LoadMore`.
 */
export function moreControls(firstCursor: string | null, started: boolean, start: () => void, more: MoreQuery) {
  return {
    hasNextPage: started ? more.hasNextPage : firstCursor !== null,
    isFetchingNextPage: started && (more.isFetchingNextPage || more.isFetching),
    fetchNextPage: () => (started ? more.fetchNextPage() : start()),
  };
}
