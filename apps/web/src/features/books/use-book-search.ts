import type { RouterInputs, RouterOutputs } from "@booky/server";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";

export type BookSearchItem = RouterOutputs["books"]["search"]["items"][number];
export type ImportedBook = RouterOutputs["books"]["import"]["book"];

/** One search shared by the books page and the meeting form's book picker: catalog first, then Google Books. */
export function useBookSearch(text: string, pageSize: number) {
  const trpc = useTRPC();
  // The text once the member stops typing for a moment, so search does not run on every key.
  const query = useDebouncedValue(text.trim(), 300);
  const search = useInfiniteQuery({
    ...trpc.books.search.infiniteQueryOptions({ query, limit: pageSize }, byCursor),
    enabled: query.length >= 2,
  });
  const items = pageItems(search.data);
  const remote = search.data?.pages.at(-1)?.remote ?? null;
  return { query, search, items, remote };
}

/** The Google volume an import is adding, if it is one (imports by ISBN have none). */
export function importingVolume(variables: RouterInputs["books"]["import"] | undefined): string | null {
  return variables && "googleVolumeId" in variables ? variables.googleVolumeId : null;
}

/** Adds a Google Books result to the catalog (idempotent on the server), then refreshes searches. */
export function useImportBook() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.books.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.books.search.pathKey() }),
    }),
  );
}
