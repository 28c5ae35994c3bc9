import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

/**
 * The caller's pending club invitations (`items`, page by page), with accept and
 * decline; both refresh every club view.
 */
export function useInvites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Others invite you: look again whenever a page shows them, and now and then while it stays open.
  const invites = useInfiniteQuery({
    ...trpc.clubs.myInvites.infiniteQueryOptions({ limit: 20 }, byCursor),
    staleTime: 0,
    refetchInterval: 60_000,
  });
  const items = pageItems(invites.data);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() }),
    ]);
  const accept = useMutation(trpc.clubs.acceptInvite.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.clubs.declineInvite.mutationOptions({ onSettled: refresh }));
  return { invites, items, accept, decline };
}
