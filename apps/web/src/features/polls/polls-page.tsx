import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PagedList, Row } from "../../components/paged-list";
import { Alert, Card, PageTitle } from "../../components/ui";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { ClubLoader } from "../clubs/club-loader";
import { Rendered } from "../discussions/spoiler-text";
import { DiscussionTabs } from "../discussions/tabs";
import { OpenPollForm } from "./open-poll-form";
import { ProposeForm } from "./propose-form";
import type { PollSummary, Proposal } from "./types";

/** `/clubs/:slug/polls`: what members propose to read next, and the polls that choose among them. */
export function ClubPollsPage() {
  return (
    <ClubLoader skeleton="h-48">
      {(club, slug) => (
        <div className="flex flex-col gap-6">
          <PageTitle subtitle="Choosing the next book">{club.name}</PageTitle>
          <DiscussionTabs base={`/clubs/${slug}`} label="Club" role={club.myRole} />
          {club.access === "full" ? (
            <ClubPolls clubId={club.id} slug={slug} role={club.myRole} archived={club.archivedAt !== null} />
          ) : (
            <Alert tone="info">This club is private: join it to see its proposals and polls.</Alert>
          )}
        </div>
      )}
    </ClubLoader>
  );
}

function ClubPolls({
  clubId,
  slug,
  role,
  archived,
}: {
  clubId: string;
  slug: string;
  role: "owner" | "admin" | "member" | null;
  archived: boolean;
}) {
  const trpc = useTRPC();
  const proposals = useInfiniteQuery(trpc.polls.proposals.infiniteQueryOptions({ clubId, limit: 50 }, byCursor));
  const polls = useInfiniteQuery(trpc.polls.list.infiniteQueryOptions({ clubId }, byCursor));
  const isAdmin = role === "owner" || role === "admin";
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card title="Polls">
        <PagedList query={polls} label="Polls" empty="No poll yet." moreLabel="More polls">
          {(poll: PollSummary) => (
            <Row key={poll.id}>
              <Link to={`/clubs/${slug}/polls/${poll.id}`} className="font-medium underline">
                {poll.kind === "ranked" ? "Ranked-choice poll" : "Approval poll"} of{" "}
                {new Date(poll.createdAt).toLocaleDateString()}
              </Link>
              <span className="text-sm">
                {poll.closedAt ? "Closed" : `Closes ${new Date(poll.closesAt).toLocaleString()}`}
              </span>
            </Row>
          )}
        </PagedList>
      </Card>
      <Card title="Proposals">
        <PagedList query={proposals} label="Proposals" empty="No book proposed yet." moreLabel="More proposals">
          {(proposal: Proposal) => (
            <li key={proposal.id} className="flex flex-col gap-1 py-2">
              <Link to={`/books/${proposal.book.id}`} className="font-semibold underline">
                {proposal.book.title}
              </Link>
              <span className="text-sm text-stone-600 dark:text-stone-400">
                {proposal.book.authors.join(", ")} · proposed by {proposal.proposer.displayName}
              </span>
              <Rendered html={proposal.pitchHtml} />
            </li>
          )}
        </PagedList>
      </Card>
      {role !== null && !archived && (
        <Card title="Propose a book">
          <ProposeForm clubId={clubId} />
        </Card>
      )}
      {isAdmin && !archived && pageItems(proposals.data).length >= 2 && (
        <Card title="Open a poll">
          <OpenPollForm clubId={clubId} slug={slug} proposals={pageItems(proposals.data)} />
        </Card>
      )}
    </div>
  );
}
