import { Link } from "react-router";
import { ActionGroup, Alert, Button, Card, LoadMore } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useInvites } from "./use-invites";

/** Invitations waiting for the member's answer; nothing at all when there are none. */
export function MyInvitations() {
  const { invites, items, accept, decline } = useInvites();
  const failed = [accept, decline].find((mutation) => mutation.isError);
  if (items.length === 0 && !failed) return null;
  return (
    <Card title="Club invitations" className="md:col-span-2">
      {failed && (
        <div className="mb-3">
          <Alert>{errorMessage(failed.error)}</Alert>
        </div>
      )}
      <ul className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
        {items.map((invite) => (
          <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              You are invited to{" "}
              <Link to={`/clubs/${invite.club.slug}`} className="font-semibold hover:underline">
                {invite.club.name}
              </Link>
            </span>
            <ActionGroup label={`Invitation to ${invite.club.name}`}>
              <Button
                className="px-3 py-1"
                busy={accept.isPending && accept.variables?.requestId === invite.id}
                onClick={() => accept.mutate({ requestId: invite.id })}
              >
                Accept
              </Button>
              <Button
                variant="secondary"
                className="px-3 py-1"
                busy={decline.isPending && decline.variables?.requestId === invite.id}
                onClick={() => decline.mutate({ requestId: invite.id })}
              >
                Decline
              </Button>
            </ActionGroup>
          </li>
        ))}
      </ul>
      <LoadMore query={invites} label="Show more invitations" />
    </Card>
  );
}
