import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, ConfirmButton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useInvites } from "./use-invites";

type Club = RouterOutputs["clubs"]["get"];

/** What the caller can do about belonging to this club: join, ask, answer an invitation, or leave. */
export function MembershipActions({ club }: { club: Club }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const join = useMutation(trpc.clubs.join.mutationOptions({ onSuccess: refresh }));
  const ask = useMutation(trpc.clubs.requestToJoin.mutationOptions());
  const leave = useMutation(trpc.clubs.leave.mutationOptions({ onSuccess: refresh }));
  const { items: invites, accept, decline } = useInvites();
  const invite = invites.find((pending) => pending.club.id === club.id);
  const archived = club.access === "full" && club.archivedAt !== null;
  const failed = [join, ask, leave, accept, decline].find((mutation) => mutation.isError);
  const error = failed && <Alert>{errorMessage(failed.error)}</Alert>;

  if (club.myRole === "owner") return null;
  if (club.myRole) {
    return (
      <div className="flex flex-col items-start gap-2">
        {error}
        <ConfirmButton
          question={`Leave ${club.name}?`}
          confirmLabel="Leave"
          busy={leave.isPending}
          onConfirm={() => leave.mutate({ clubId: club.id })}
        >
          Leave club
        </ConfirmButton>
      </div>
    );
  }
  if (archived) return <Alert tone="info">This club is archived and takes no new members.</Alert>;
  if (invite) {
    return (
      <div className="flex flex-col items-start gap-2">
        {error}
        <p>You are invited to this club.</p>
        <div className="flex gap-2">
          <Button busy={accept.isPending} onClick={() => accept.mutate({ requestId: invite.id })}>
            Accept invitation
          </Button>
          <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate({ requestId: invite.id })}>
            Decline
          </Button>
        </div>
      </div>
    );
  }
  if (club.visibility === "public") {
    return (
      <div className="flex flex-col items-start gap-2">
        {error}
        <Button busy={join.isPending} onClick={() => join.mutate({ clubId: club.id })}>
          Join this club
        </Button>
      </div>
    );
  }
  if (ask.isSuccess) return <Alert tone="success">Request sent. An admin of the club will decide.</Alert>;
  return (
    <div className="flex flex-col items-start gap-2">
      {error}
      <p>This club is private: its members and meetings show once an admin lets you in.</p>
      <Button busy={ask.isPending} onClick={() => ask.mutate({ clubId: club.id })}>
        Ask to join
      </Button>
    </div>
  );
}
