import { type ClubRoleName, canRemoveMember, canSetRole } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ActionGroup, Alert, Button, Card, ConfirmButton, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";

const roleLabels: Record<ClubRoleName, string> = { owner: "Owner", admin: "Admin", member: "Member" };

/** The club's members, owner and admins first; admins and the owner manage them here. */
export function ClubMembers({
  clubId,
  memberCount,
  myRole,
}: {
  clubId: string;
  memberCount: number;
  myRole: ClubRoleName | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const myId = session.status === "authenticated" ? session.user.id : null;
  const members = useInfiniteQuery(
    trpc.clubs.members.infiniteQueryOptions({ clubId, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const setRole = useMutation(trpc.clubs.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.clubs.removeMember.mutationOptions({ onSuccess: refresh }));
  const transfer = useMutation(trpc.clubs.transferOwnership.mutationOptions({ onSuccess: refresh }));
  const failed = [setRole, remove, transfer].find((mutation) => mutation.isError);
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title={`Members (${memberCount})`}>
      {failed && (
        <div className="mb-3">
          <Alert>{errorMessage(failed.error)}</Alert>
        </div>
      )}
      {members.isPending ? (
        <Skeleton className="h-24" />
      ) : members.isError ? (
        <Alert>{errorMessage(members.error)}</Alert>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((member) => {
            const { user, role } = member;
            const isMe = user.id === myId;
            const busyFor = (mutation: { isPending: boolean; variables?: { userId: string } }) =>
              mutation.isPending && mutation.variables?.userId === user.id;
            const nextRole = role === "admin" ? "member" : "admin";
            const canPromote = !isMe && myRole !== null && canSetRole(myRole, role, nextRole);
            const canRemove = !isMe && myRole !== null && canRemoveMember(myRole, role);
            const canTransfer = !isMe && myRole === "owner";
            return (
              <li key={user.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={`/u/${user.username}`} className="font-medium hover:underline">
                    {user.displayName}
                  </Link>
                  <span className="ml-2 text-sm text-stone-600 dark:text-stone-400">
                    {roleLabels[role]}
                    {isMe && " (you)"}
                  </span>
                </div>
                {(canPromote || canRemove || canTransfer) && (
                  <ActionGroup label={`Manage ${user.displayName}`}>
                    {canPromote && (
                      <Button
                        variant="secondary"
                        className="px-3 py-1"
                        busy={busyFor(setRole)}
                        onClick={() => setRole.mutate({ clubId, userId: user.id, role: nextRole })}
                      >
                        {nextRole === "admin" ? "Make admin" : "Make member"}
                      </Button>
                    )}
                    {canTransfer && (
                      <ConfirmButton
                        size="small"
                        question={`Hand the club to ${user.displayName}? You stay on as an admin.`}
                        confirmLabel="Transfer ownership"
                        busy={busyFor(transfer)}
                        onConfirm={() => transfer.mutate({ clubId, userId: user.id })}
                      >
                        Make owner
                      </ConfirmButton>
                    )}
                    {canRemove && (
                      <ConfirmButton
                        size="small"
                        question={`Remove ${user.displayName} from the club?`}
                        confirmLabel="Remove"
                        busy={busyFor(remove)}
                        onConfirm={() => remove.mutate({ clubId, userId: user.id })}
                      >
                        Remove
                      </ConfirmButton>
                    )}
                  </ActionGroup>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore query={members} label="Show more members" />
    </Card>
  );
}
