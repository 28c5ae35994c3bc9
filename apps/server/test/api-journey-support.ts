import { and, eq, meetingRsvps, readingProgress, readingProgressHistory } from "@booky/db";
import { refreshLeaderboards } from "../src/services/leaderboards.js";
import { catalogBook } from "./catalog.js";
import type { TestServer } from "./harness.js";
import { finish, inDays, raceMeeting, settled } from "./race-support.js";

/**
 * The scene of the API client journeys (docs/api.md): a club whose first race
 * is settled (the rival finished: 70 points; the reader attended: 20), so its
 * leaderboard has scores, and whose next meeting the reader has not answered
 * yet; the reader holds a personal access token for a script. Needs a server
 * with `jobs: true` (settlement runs in the queue).
 */
export async function apiJourneyScene(server: TestServer) {
  const race = await raceMeeting(server, 2);
  const { owner, club } = race;
  const [reader, rival] = race.members as [(typeof race.members)[0], (typeof race.members)[0]];
  await owner.client.trpc.meetings.start.mutate({ meetingId: race.meeting.id });
  await finish(rival, race.meeting.id);
  await owner.client.trpc.meetings.recordAttendance.mutate({
    meetingId: race.meeting.id,
    attendance: [reader, rival].map((who) => ({ userId: who.user.id, attended: true })),
  });
  await owner.client.trpc.meetings.close.mutate({ meetingId: race.meeting.id });
  await settled(server, race.meeting.id);
  // The queue refreshes the boards a moment after settlement; the scene wants them now.
  await refreshLeaderboards(server.db);

  const book = await catalogBook(server, { title: "The Long Harbour", pageCount: 320 });
  const meeting = await owner.client.trpc.meetings.create.mutate({
    clubId: club.id,
    bookId: book.id,
    startsAt: inDays(14),
    link: "https://meet.example.com/harbour",
  });
  if (!meeting) throw new Error("no meeting");
  const { token } = await reader.client.trpc.apiTokens.create.mutate({
    name: "Reading bot",
    scopes: ["read", "meetings:write", "progress:write"],
    expiresAt: null,
  });
  return { club, meeting, book, owner, reader, rival, token };
}

export type ApiJourneyScene = Awaited<ReturnType<typeof apiJourneyScene>>;

/** What the journey left in the database for the reader at the meeting: the RSVP, progress and its history. */
export async function readerStateAt(server: TestServer, scene: ApiJourneyScene) {
  const { meeting, reader } = scene;
  const [rsvp] = await server.db
    .select()
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.userId, reader.user.id)));
  const [progress] = await server.db
    .select()
    .from(readingProgress)
    .where(and(eq(readingProgress.meetingId, meeting.id), eq(readingProgress.userId, reader.user.id)));
  const history = await server.db
    .select()
    .from(readingProgressHistory)
    .where(and(eq(readingProgressHistory.meetingId, meeting.id), eq(readingProgressHistory.userId, reader.user.id)));
  return {
    rsvp: rsvp?.status ?? null,
    progress: progress ? { page: progress.page, version: progress.version } : null,
    history: history.map((row) => row.page),
  };
}

/** What a journey client prints for the scene when it reports page 42: the Python example and the client package's program alike. */
export function journeyOutput(scene: ApiJourneyScene): string[] {
  const { club, meeting, reader, rival } = scene;
  return [
    "my clubs: 1",
    `  Race Club (${club.slug}), 3 members, my role: member`,
    `next meeting: The Long Harbour (320 pages) on ${meeting.startsAt.toISOString()}`,
    "rsvp: going",
    "progress: page 42 of 320 (13%), version 1",
    "leaderboard of Race Club:",
    `  #1 ${rival.user.displayName} (@${rival.user.username}): 70`,
    `  #2 ${reader.user.displayName} (@${reader.user.username}): 20`,
    "me: #2 with 20 points",
  ];
}
