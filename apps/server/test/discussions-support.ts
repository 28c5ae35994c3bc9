import { signedUpClient, type TestServer } from "./harness.js";
import { clubWithMeeting } from "./race-support.js";

type Reader = Awaited<ReturnType<typeof signedUpClient>>;

/**
 * A club reading a 300-page book: `ahead` is on page 250, `behind` on page
 * 140, `finisher` has finished, `bystander` is a member not reading it, and
 * `outsider` belongs to no club. The host (owner) reports no progress.
 */
export async function bookClub(server: TestServer, visibility: "public" | "private" = "public") {
  const host = await signedUpClient(server);
  const ahead = await signedUpClient(server);
  const behind = await signedUpClient(server);
  const finisher = await signedUpClient(server);
  const bystander = await signedUpClient(server);
  const outsider = await signedUpClient(server);
  const { club, meeting } = await clubWithMeeting(server, host, [ahead, behind, finisher, bystander], {
    club: { name: "Spoiler Club", category: "fiction" },
    book: { title: "A Long Mystery", pageCount: 300 },
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    link: "https://meet.example.com/spoilers",
  });
  const meetingId = meeting.id;
  for (const [reader, page] of [
    [ahead, 250],
    [behind, 140],
    [finisher, 300],
  ] as const) {
    await reader.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
    await reader.client.trpc.progress.update.mutate({ meetingId, page, expectedVersion: 0 });
  }
  if (visibility === "private") {
    await host.client.trpc.clubs.update.mutate({ clubId: club.id, changes: { visibility: "private" } });
  }
  return {
    club,
    clubId: club.id,
    meetingId,
    bookId: meeting.bookId,
    host,
    ahead,
    behind,
    finisher,
    bystander,
    outsider,
  };
}

export type BookClub = Awaited<ReturnType<typeof bookClub>>;
export type { Reader };
