import { PAGE_SIZE_MAX } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { RowList } from "../../components/paged-list";
import { MutationError, QueryView } from "../../components/query-view";
import { Card, PageTitle } from "../../components/ui";
import { moveItem } from "../../lib/lists";
import { byCursor, pageItems, useAllPages } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { NewShelfForm } from "./new-shelf-form";
import { ShelfRow } from "./shelf-row";

/** My own shelves: make one, rename, reorder, choose who sees each, delete. */
export function ManageShelvesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shelves = useInfiniteQuery(trpc.shelves.mine.infiniteQueryOptions({ limit: PAGE_SIZE_MAX }, byCursor));
  // A new order names every shelf, so every page is loaded first.
  useAllPages(shelves);
  const reorder = useMutation(
    trpc.shelves.reorder.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() }),
    }),
  );
  const all = pageItems(shelves.data);
  const canReorder = !shelves.hasNextPage && !shelves.isFetching && !reorder.isPending;

  return (
    <div>
      <PageTitle
        subtitle={
          <Link to="/shelves" className="underline underline-offset-2">
            Back to my shelves
          </Link>
        }
      >
        Manage my shelves
      </PageTitle>
      <div className="grid gap-6 md:grid-cols-[1fr_2fr]">
        <NewShelfForm />
        <Card title="My shelves, in order">
          <MutationError of={[reorder]} />
          <QueryView
            query={shelves}
            empty="No shelves of your own yet: name one to start."
            isEmpty={(data) => pageItems(data).length === 0}
          >
            {() => (
              <RowList label="My shelves, in order" ordered>
                {all.map((shelf, place) => (
                  <ShelfRow
                    key={shelf.id}
                    shelf={shelf}
                    place={place}
                    count={all.length}
                    moving={reorder.isPending}
                    onMove={
                      canReorder
                        ? (by) => reorder.mutate({ shelfIds: moveItem(all, place, place + by).map((each) => each.id) })
                        : undefined
                    }
                  />
                ))}
              </RowList>
            )}
          </QueryView>
        </Card>
      </div>
    </div>
  );
}
