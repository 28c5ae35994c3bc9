import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Alert, Button, Card, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ScheduleMeetingForm } from "../meetings/schedule-meeting-form";
import { categoryLabels } from "./labels";

export function ClubPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const club = useQuery(trpc.clubs.get.queryOptions({ slug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
  const join = useMutation(trpc.clubs.join.mutationOptions({ onSuccess: refresh }));
  const ask = useMutation(trpc.clubs.requestToJoin.mutationOptions());
  const full = club.data?.access === "full" ? club.data : null;
  const clubId = club.data?.id ?? "";
  const members = useQuery({ ...trpc.clubs.members.queryOptions({ clubId, limit: 50 }), enabled: full !== null });
  const upcoming = useQuery({
    ...trpc.meetings.listForClub.queryOptions({ clubId, limit: 20 }),
    enabled: full !== null,
  });

  if (club.isPending) return <Skeleton className="h-48 w-full" />;
  if (club.isError) {
    const missing = isTRPCError(club.error) && club.error.data?.code === "NOT_FOUND";
    return <Alert>{missing ? "There is no club at this address." : errorMessage(club.error)}</Alert>;
  }
  const data = club.data;
  const isAdmin = data.myRole === "owner" || data.myRole === "admin";

  return (
    <div className="flex flex-col gap-6">
      <PageTitle
        subtitle={`${categoryLabels[data.category]} · ${data.visibility === "private" ? "Private club" : "Public club"}`}
      >
        {data.name}
      </PageTitle>
      {data.description && <p className="-mt-4 max-w-2xl whitespace-pre-line">{data.description}</p>}
      {!data.myRole && data.visibility === "public" && (
        <div>
          {join.isError && <Alert>{errorMessage(join.error)}</Alert>}
          <Button busy={join.isPending} onClick={() => join.mutate({ clubId })}>
            Join this club
          </Button>
        </div>
      )}
      {!data.myRole && data.visibility === "private" && (
        <div className="flex flex-col items-start gap-2">
          {ask.isSuccess ? (
            <Alert tone="success">Request sent. An admin of the club will decide.</Alert>
          ) : (
            <>
              {ask.isError && <Alert>{errorMessage(ask.error)}</Alert>}
              <Button busy={ask.isPending} onClick={() => ask.mutate({ clubId })}>
                Ask to join
              </Button>
            </>
          )}
        </div>
      )}
      {full && (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Upcoming meetings">
            {upcoming.data?.items.length ? (
              <ul className="flex flex-col gap-3">
                {upcoming.data.items.map((meeting) => (
                  <li key={meeting.id}>
                    <Link to={`/meetings/${meeting.id}`} className="font-semibold hover:underline">
                      {meeting.book.title}
                    </Link>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {meeting.startsAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
                      {meeting.status === "cancelled" && " · cancelled"}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-stone-600 dark:text-stone-400">
                {isAdmin ? "No meeting yet: schedule the first one below." : "No meeting scheduled yet."}
              </p>
            )}
          </Card>
          <Card title={`Members (${full.memberCount})`}>
            <ul className="flex flex-col gap-2">
              {members.data?.items.map((member) => (
                <li key={member.user.id} className="flex justify-between gap-2">
                  <Link to={`/u/${member.user.username}`} className="hover:underline">
                    {member.user.displayName}
                  </Link>
                  {member.role !== "member" && (
                    <span className="text-sm text-stone-600 dark:text-stone-400">{member.role}</span>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          {isAdmin && (
            <Card title="Schedule a meeting" className="md:col-span-2">
              <ScheduleMeetingForm clubId={clubId} />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
