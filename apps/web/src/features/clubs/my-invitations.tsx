import { Link } from "react-router";
import { Row, RowList } from "../../components/paged-list";
import { MutationError } from "../../components/query-view";
import { DecisionActions } from "../../components/row-actions";
import { Card, LoadMore } from "../../components/ui";
import { useInvites } from "./use-invites";

/** Invitations waiting for the member's answer; nothing at all when there are none. */
export function MyInvitations() {
  const { invites, items, accept, decline } = useInvites();
  const failed = accept.isError || decline.isError;
  if (items.length === 0 && !failed) return null;
  return (
    <Card title="Club invitations" className="md:col-span-2">
      <MutationError of={[accept, decline]} />
      <RowList>
        {items.map((invite) => (
          <Row key={invite.id}>
            <span>
              You are invited to{" "}
              <Link to={`/clubs/${invite.club.slug}`} className="font-semibold hover:underline">
                {invite.club.name}
              </Link>
            </span>
            <DecisionActions
              label={`Invitation to ${invite.club.name}`}
              input={{ requestId: invite.id }}
              by="requestId"
              accept={accept}
              decline={decline}
            />
          </Row>
        ))}
      </RowList>
      <LoadMore query={invites} label="Show more invitations" />
    </Card>
  );
}
