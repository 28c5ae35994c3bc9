import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Alert, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClubLoader } from "../clubs/club-loader";
import { DiscussionTabs } from "./tabs";
import { ThreadList } from "./thread-list";

/** `/clubs/:slug/discussion`: the club's general threads. */
export function ClubDiscussionPage() {
  return (
    <ClubLoader skeleton="h-48">
      {(club, slug) => (
        <div className="flex flex-col gap-6">
          <PageTitle subtitle="General discussion">{club.name}</PageTitle>
          <DiscussionTabs base={`/clubs/${slug}`} label="Club" role={club.myRole} />
          {club.access === "full" ? (
            <ThreadList clubId={club.id} slug={slug} meetingId={null} canWrite={club.myRole !== null} />
          ) : (
            <Alert tone="info">This club is private: join it to read its discussion.</Alert>
          )}
        </div>
      )}
    </ClubLoader>
  );
}

/** `/meetings/:meetingId/discussion`: the threads about the meeting's book, behind the spoiler guard. */
export function MeetingDiscussionPage() {
  const { meetingId = "" } = useParams();
  const trpc = useTRPC();
  const meeting = useQuery(trpc.meetings.get.queryOptions({ meetingId }));
  const club = useQuery({
    ...trpc.clubs.get.queryOptions({ clubId: meeting.data?.clubId ?? "" }),
    enabled: meeting.isSuccess,
  });
  if (meeting.isError) return <Alert>{errorMessage(meeting.error)}</Alert>;
  if (club.isError) return <Alert>{errorMessage(club.error)}</Alert>;
  if (!meeting.data || !club.data) return <Skeleton className="h-48 w-full" />;
  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle={`${club.data.name} · discussion of the book`}>
        {meeting.data.book?.title ?? "Meeting"}
      </PageTitle>
      <DiscussionTabs base={`/meetings/${meetingId}`} label="Meeting" />
      <ThreadList
        clubId={club.data.id}
        slug={club.data.slug}
        meetingId={meetingId}
        canWrite={club.data.myRole !== null}
      />
    </div>
  );
}
