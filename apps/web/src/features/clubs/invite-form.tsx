import { useMutation } from "@tanstack/react-query";
import { UsernameForm } from "../../components/username-form";
import { useTRPC } from "../../lib/trpc";

/** Admins invite a member by username; the invitee accepts from their home page. */
export function InviteForm({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.clubs.invite.mutationOptions());
  // "No member is called…" and "Already a member" are about the username: they show under it.
  return (
    <UsernameForm
      title="Invite a reader"
      label="Username"
      placeholder="their_username"
      submitLabel="Send invitation"
      send={invite}
      toInput={(username) => ({ clubId, username })}
      sent={(username) => `Invitation sent to @${username}.`}
    />
  );
}
