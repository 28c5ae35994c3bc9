import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/** The caller's pending club invitations, with accept and decline; both refresh every club view. */
export function useInvites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.clubs.myInvites.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() }),
    ]);
  const accept = useMutation(trpc.clubs.acceptInvite.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.clubs.declineInvite.mutationOptions({ onSettled: refresh }));
  return { invites, accept, decline };
}
