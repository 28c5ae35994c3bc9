import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { MutationError } from "../../components/query-view";
import { Alert, buttonClass, Card, ConfirmButton, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClubLoader } from "../clubs/club-loader";
import { ApprovalBallot, RankedBallot } from "./ranked-ballot";
import { RoundsChart } from "./rounds-chart";

/** `/clubs/:slug/polls/:pollId`: the ballot while open, the rounds once visible, the winner to schedule. */
export function PollPage() {
  return (
    <ClubLoader skeleton="h-48">
      {(club, slug) => <PollView clubId={club.id} slug={slug} clubName={club.name} role={club.myRole} />}
    </ClubLoader>
  );
}

function PollView({
  clubId,
  slug,
  clubName,
  role,
}: {
  clubId: string;
  slug: string;
  clubName: string;
  role: "owner" | "admin" | "member" | null;
}) {
  const { pollId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const poll = useQuery(trpc.polls.get.queryOptions({ clubId, pollId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.polls.get.queryKey({ clubId, pollId }) });
  const vote = useMutation(trpc.polls.vote.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.polls.close.mutationOptions({ onSuccess: refresh }));
  if (poll.isError) return <Alert>{errorMessage(poll.error)}</Alert>;
  if (!poll.data) return <Skeleton className="h-48 w-full" />;
  const data = poll.data;
  const open = data.closedAt === null && new Date(data.closesAt) > new Date();
  const isAdmin = role === "owner" || role === "admin";
  const cast = (choices: string[]) => vote.mutate({ clubId, pollId, choices });
  const ballotProps = { options: data.options, initial: data.myBallot?.choices ?? null, busy: vote.isPending };
  return (
    <div className="flex flex-col gap-6">
      <PageTitle
        subtitle={`${clubName} · ${data.ballots} ballot(s) · ${
          data.closedAt
            ? `closed ${new Date(data.closedAt).toLocaleString()}`
            : `closes ${new Date(data.closesAt).toLocaleString()}`
        }`}
      >
        {data.kind === "ranked" ? "Ranked-choice poll" : "Approval poll"}
      </PageTitle>
      <Link to={`/clubs/${slug}/polls`} className="underline">
        All proposals and polls
      </Link>
      {data.winner && (
        <Card title="The next book">
          <p className="mb-3 text-lg font-semibold">{data.winner.book.title}</p>
          {isAdmin && (
            <Link to={`/clubs/${slug}?book=${data.winner.book.id}#schedule`} className={buttonClass()}>
              Schedule a meeting for this book
            </Link>
          )}
        </Card>
      )}
      {open && role !== null && (
        <Card title={data.kind === "ranked" ? "Rank the books" : "Approve the books"}>
          <MutationError of={[vote, close]} />
          {vote.isSuccess && <Alert tone="success">Your ballot is in; you may change it until the poll closes.</Alert>}
          {data.kind === "ranked" ? (
            <RankedBallot {...ballotProps} onSubmit={cast} />
          ) : (
            <ApprovalBallot {...ballotProps} onSubmit={cast} />
          )}
        </Card>
      )}
      {open && isAdmin && (
        <div>
          <ConfirmButton
            question="Close the poll before its time?"
            confirmLabel="Close it"
            busy={close.isPending}
            onConfirm={() => close.mutate({ clubId, pollId })}
          >
            Close the poll now
          </ConfirmButton>
        </div>
      )}
      <Card title="Results">
        {data.results === null ? (
          <p>The results are hidden until the poll closes.</p>
        ) : data.results.rounds.length === 0 ? (
          <p>No ballot yet.</p>
        ) : (
          <RoundsChart tally={data.results} options={data.options} />
        )}
        <p className="mt-3 text-xs text-stone-600 dark:text-stone-400">
          Ties: the book with fewer votes in the latest earlier round where they differ is eliminated; if they tied
          throughout, the book listed later on the ballot.
        </p>
      </Card>
    </div>
  );
}
