import { type ClubRoleName, canRemoveMember, canSetRole } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { PagedListCard } from "../../components/paged-list";
import { PersonLink } from "../../components/person-link";
import { pendingFor, RowButton } from "../../components/row-actions";
import { ActionGroup, ConfirmButton, Skeleton } from "../../components/ui";
import { byCursor } from "../../lib/pages";
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
  const members = useInfiniteQuery(trpc.clubs.members.infiniteQueryOptions({ clubId, limit: 50 }, byCursor));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const setRole = useMutation(trpc.clubs.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.clubs.removeMember.mutationOptions({ onSuccess: refresh }));
  const transfer = useMutation(trpc.clubs.transferOwnership.mutationOptions({ onSuccess: refresh }));

  return (
    <PagedListCard
      title={`Members (${memberCount})`}
      errors={[setRole, remove, transfer]}
      query={members}
      loading={<Skeleton className="h-24" />}
      moreLabel="Show more members"
    >
      {({ user, role }) => {
        const isMe = user.id === myId;
        const input = { clubId, userId: user.id };
        const nextRole = role === "admin" ? "member" : "admin";
        const canPromote = !isMe && myRole !== null && canSetRole(myRole, role, nextRole);
        const canRemove = !isMe && myRole !== null && canRemoveMember(myRole, role);
        const canTransfer = !isMe && myRole === "owner";
        return (
          <li key={user.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <PersonLink user={user} />
              <span className="ml-2 text-sm text-stone-600 dark:text-stone-400">
                {roleLabels[role]}
                {isMe && " (you)"}
              </span>
            </div>
            {(canPromote || canRemove || canTransfer) && (
              <ActionGroup label={`Manage ${user.displayName}`}>
                {canPromote && (
                  <RowButton mutation={setRole} input={{ ...input, role: nextRole }} by="userId" variant="secondary">
                    {nextRole === "admin" ? "Make admin" : "Make member"}
                  </RowButton>
                )}
                {canTransfer && (
                  <ConfirmButton
                    size="small"
                    question={`Hand the club to ${user.displayName}? You stay on as an admin.`}
                    confirmLabel="Transfer ownership"
                    busy={pendingFor(transfer, "userId", user.id)}
                    onConfirm={() => transfer.mutate(input)}
                  >
                    Make owner
                  </ConfirmButton>
                )}
                {canRemove && (
                  <ConfirmButton
                    size="small"
                    question={`Remove ${user.displayName} from the club?`}
                    confirmLabel="Remove"
                    busy={pendingFor(remove, "userId", user.id)}
                    onConfirm={() => remove.mutate(input)}
                  >
                    Remove
                  </ConfirmButton>
                )}
              </ActionGroup>
            )}
          </li>
        );
      }}
    </PagedListCard>
  );
}
