import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Alert, buttonClass, Card, PageTitle, Skeleton } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { ArchiveClubCard } from "../admin/archive-club-card";
import { DiscussionTabs } from "../discussions/tabs";
import { ScheduleMeetingForm } from "../meetings/schedule-meeting-form";
import { type Club, ClubLoader } from "./club-loader";
import { ClubMeetings } from "./club-meetings";
import { ClubMembers } from "./club-members";
import { InviteForm } from "./invite-form";
import { JoinRequests } from "./join-requests";
import { categoryLabels } from "./labels";
import { MembershipActions } from "./membership-actions";

export function ClubPage() {
  return <ClubLoader skeleton="h-48">{(club, slug) => <ClubView data={club} slug={slug} />}</ClubLoader>;
}

function ClubView({ data, slug }: { data: Club; slug: string }) {
  const full = data.access === "full" ? data : null;
  const isAdmin = data.myRole === "owner" || data.myRole === "admin";
  const facts = [
    categoryLabels[data.category],
    data.visibility === "private" ? "Private club" : "Public club",
    full && (full.isOnline ? "Meets online" : full.location),
    full && `${full.memberCount} of ${full.memberLimit} members`,
  ].filter(Boolean);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle subtitle={facts.join(" · ")}>{data.name}</PageTitle>
        {isAdmin && (
          <Link to={`/clubs/${slug}/edit`} className={buttonClass("secondary")}>
            Edit club
          </Link>
        )}
      </div>
      {full && <DiscussionTabs base={`/clubs/${slug}`} label="Club" role={data.myRole} />}
      {full?.archivedAt && <Alert tone="info">This club is archived: it is hidden from the directory.</Alert>}
      {data.description && <p className="-mt-4 max-w-2xl whitespace-pre-line">{data.description}</p>}
      <MembershipActions club={data} />
      {full && (
        <div className="grid gap-6 md:grid-cols-2">
          <ClubMeetings
            clubId={full.id}
            when="upcoming"
            empty={isAdmin ? "No meeting yet: schedule the next one below." : "No meeting scheduled yet."}
          />
          <ClubMembers clubId={full.id} memberCount={full.memberCount} myRole={full.myRole} />
          <ClubMeetings clubId={full.id} when="past" empty="No past meetings yet." />
          {isAdmin && (
            <div className="flex flex-col gap-6">
              <InviteForm clubId={full.id} />
              {full.visibility === "private" && <JoinRequests clubId={full.id} />}
            </div>
          )}
          {isAdmin && !full.archivedAt && <ScheduleCard clubId={full.id} />}
          <ArchiveClubCard club={full} />
        </div>
      )}
    </div>
  );
}

/** The schedule form; `?book=<id>` (a poll's winner) pre-fills its book. */
function ScheduleCard({ clubId }: { clubId: string }) {
  const [params] = useSearchParams();
  const bookId = params.get("book");
  const trpc = useTRPC();
  const book = useQuery({ ...trpc.books.get.queryOptions({ bookId: bookId ?? "" }), enabled: bookId !== null });
  return (
    <section id="schedule" className="md:col-span-2">
      <Card title="Schedule a meeting">
        {bookId !== null && book.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : (
          <ScheduleMeetingForm key={book.data?.id ?? "none"} clubId={clubId} initialBook={book.data ?? null} />
        )}
      </Card>
    </section>
  );
}
