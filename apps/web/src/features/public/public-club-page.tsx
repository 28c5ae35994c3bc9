import type { RouterOutputs } from "@booky/server";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { MeetingTime } from "../../components/meeting-time";
import { Alert, Card, LoadMore, PageTitle, ProgressBar, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { BookCover } from "../books/book-cover";
import { categoryLabels } from "../clubs/labels";
import { Avatar } from "../profile/avatar";
import { JoinLinks } from "./join-links";
import { moreControls } from "./use-more";

type PublicClub = Extract<RouterOutputs["public"]["club"], { access: "full" }>;

const when = (date: Date) =>
  date.toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });

/** A club's page as a visitor sees it: a public club's about, meetings to come and race; a private club's name. */
export function PublicClubPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const club = useQuery(trpc.public.club.queryOptions({ slug }));
  useDocumentTitle(club.data?.name ?? null);

  if (club.isPending) return <Skeleton className="h-48 w-full" />;
  if (club.isError) {
    const missing = isTRPCError(club.error) && ["NOT_FOUND", "BAD_REQUEST"].includes(club.error.data?.code ?? "");
    return (
      <Alert>
        {missing ? "There is no such club." : errorMessage(club.error)}{" "}
        <Link to="/clubs" className="underline">
          See every club
        </Link>
      </Alert>
    );
  }
  const data = club.data;
  if (data.access === "limited") {
    return (
      <div className="flex flex-col gap-6">
        <PageTitle subtitle="Private club">{data.name}</PageTitle>
        {data.description && <p className="-mt-4 max-w-2xl whitespace-pre-line">{data.description}</p>}
        <p>Its meetings and members are for its members. Sign up, then ask to join.</p>
        <JoinLinks label="Sign up to ask to join" />
      </div>
    );
  }
  const facts = [
    categoryLabels[data.category],
    "Public club",
    data.isOnline ? "Meets online" : data.location,
    `${data.memberCount} members`,
  ].filter(Boolean);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle={facts.join(" · ")}>{data.name}</PageTitle>
      {data.description && <p className="-mt-4 max-w-2xl whitespace-pre-line">{data.description}</p>}
      <JoinLinks />
      <div className="grid gap-6 md:grid-cols-2">
        <Upcoming club={data} />
        <Race club={data} />
      </div>
    </div>
  );
}

function Upcoming({ club }: { club: PublicClub }) {
  const trpc = useTRPC();
  const [started, setStarted] = useState(false);
  const more = useInfiniteQuery(
    trpc.public.clubMeetings.infiniteQueryOptions(
      { clubId: club.id, limit: 10 },
      { initialCursor: club.upcomingNextCursor, getNextPageParam: (page) => page.nextCursor, enabled: started },
    ),
  );
  const loadMore = moreControls(club.upcomingNextCursor, started, () => setStarted(true), more);
  const meetings = [...club.upcoming, ...(more.data?.pages.flatMap((page) => page.items) ?? [])];
  return (
    <Card title="Coming up">
      {meetings.length === 0 ? (
        <p>No meeting scheduled yet.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="flex gap-3">
              <BookCover url={meeting.book.coverUrl} title={meeting.book.title} size="sm" />
              <div>
                <Link to={`/books/${meeting.book.id}`} className="font-semibold hover:underline">
                  {meeting.book.title}
                </Link>
                <p className="text-sm">
                  <MeetingTime at={meeting.startsAt} zone={meeting.timeZone} />
                </p>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {meeting.place ?? (meeting.online ? "Online" : "")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={loadMore} label="Show later meetings" />
    </Card>
  );
}

function Race({ club }: { club: PublicClub }) {
  const race = club.race;
  if (!race) {
    return (
      <Card title="The race">
        <p>No race under way.</p>
      </Card>
    );
  }
  return <RaceStandings clubId={club.id} race={race} />;
}

function RaceStandings({ clubId, race }: { clubId: string; race: NonNullable<PublicClub["race"]> }) {
  const trpc = useTRPC();
  const [started, setStarted] = useState(false);
  const more = useInfiniteQuery(
    trpc.public.clubRace.infiniteQueryOptions(
      { clubId, limit: 20 },
      { initialCursor: race.nextCursor, getNextPageParam: (page) => page?.nextCursor ?? null, enabled: started },
    ),
  );
  const loadMore = moreControls(race.nextCursor, started, () => setStarted(true), more);
  const readers = [...race.readers, ...(more.data?.pages.flatMap((page) => page?.readers ?? []) ?? [])];
  return (
    <Card title="The race">
      <p className="mb-3 text-sm">
        Who reaches the end of <strong>{race.book.title}</strong> first? Reading ends {when(race.readingDeadline)}.
      </p>
      {readers.length === 0 ? (
        <p>Nobody has said they are coming yet.</p>
      ) : (
        <ol aria-label="Standings" className="flex flex-col gap-3">
          {readers.map((reader) => (
            <li key={reader.user.username} className="flex items-center gap-3">
              <Avatar name={reader.user.displayName} url={reader.user.avatarUrl} size={32} />
              <div className="flex-1">
                <Link to={`/u/${reader.user.username}`} className="text-sm font-medium hover:underline">
                  {reader.user.displayName}
                </Link>
                {reader.revealed ? (
                  <ProgressBar
                    label={`${reader.user.displayName}'s progress`}
                    percent={reader.percent}
                    valueText={reader.finished ? "finished" : `${reader.percent}%`}
                  />
                ) : (
                  <p className="text-sm text-stone-600 dark:text-stone-400">reading</p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <LoadMore query={loadMore} label="Show more readers" />
    </Card>
  );
}
