import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/** Every change to friendships refreshes every friends view (lists, requests, feed). */
export function useFriendActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.friends.pathKey() });
  return {
    request: useMutation(trpc.friends.request.mutationOptions({ onSettled })),
    accept: useMutation(trpc.friends.accept.mutationOptions({ onSettled })),
    decline: useMutation(trpc.friends.decline.mutationOptions({ onSettled })),
    cancel: useMutation(trpc.friends.cancel.mutationOptions({ onSettled })),
    remove: useMutation(trpc.friends.remove.mutationOptions({ onSettled })),
  };
}
