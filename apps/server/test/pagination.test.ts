import {
  clubMembers,
  clubRequests,
  clubs,
  friendRequests,
  friendships,
  meetingRsvps,
  meetings,
  sql,
  users,
} from "@booky/db";
import { friendPair } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const viewer = await signedUpClient(server);

/**
 * Three instants inside one millisecond, a microsecond apart: what PostgreSQL
 * stores for rows written together, and what a JS Date cannot tell apart.
 */
const instants = (base: string) => [1, 2, 3].map((micro) => sql`${`${base}.12300${micro}Z`}::timestamptz`);

async function makeUsers(tag: string) {
  return server.db
    .insert(users)
    .values(
      [0, 1, 2].map((i) => ({
        email: `${tag}${i}@pages.example`,
        username: `${tag}_${i}`,
        displayName: `${tag} ${i}`,
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$not-a-real-hash",
      })),
    )
    .returning({ id: users.id });
}

async function makeClubs(tag: string, ownerId: string, createdAt = instants("2031-01-01T10:00:00")) {
  return server.db.transaction(async (tx) => {
    const created = await tx
      .insert(clubs)
      .values(
        createdAt.map((at, i) => ({
          slug: `${tag}-${i}`,
          name: `${tag} ${i}`,
          category: "other" as const,
          isOnline: true,
          visibility: "private" as const,
          ownerId,
          memberCount: 1,
          createdAt: at,
        })),
      )
      .returning({ id: clubs.id });
    await tx
      .insert(clubMembers)
      .values(created.map((club) => ({ clubId: club.id, userId: ownerId, role: "owner" as const })));
    return created;
  });
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/** Every item of a list, one per page; stops (and fails) if the list never ends. */
async function walk<T extends Page>(
  fetchPage: (cursor: string | null) => Promise<T>,
  idOf: (item: T["items"][number]) => string,
) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page: T = await fetchPage(cursor);
    seen.push(...page.items.map(idOf));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error(`the list did not end after 10 pages: ${seen.join(", ")}`);
}

describe("lists keyed by a timestamp page through rows written within one millisecond", () => {
  const { trpc } = viewer.client;

  it("clubs.list (newest first) and clubs.myInvites (oldest first)", async () => {
    const { id: hostId } = (await makeUsers("inviting"))[0] ?? { id: "" };
    const made = (await makeClubs("samemilli", hostId)).map((club) => club.id);
    const listed = await walk(
      (cursor) => trpc.clubs.list.query({ search: "samemilli", limit: 1, cursor }),
      (club) => club.id,
    );
    expect(listed).toEqual([...made].reverse());

    await server.db.insert(clubRequests).values(
      made.map((clubId, i) => ({
        clubId,
        userId: viewer.user.id,
        kind: "invite" as const,
        invitedBy: hostId,
        createdAt: instants("2031-01-02T10:00:00")[i],
      })),
    );
    const invites = await walk(
      (cursor) => trpc.clubs.myInvites.query({ limit: 1, cursor }),
      (invite) => invite.club.id,
    );
    expect(invites).toEqual(made);
  });

  it("clubs.listRequests (oldest first)", async () => {
    const [club] = await makeClubs("asked", viewer.user.id, instants("2031-01-03T10:00:00").slice(0, 1));
    const askers = await makeUsers("asker");
    const at = instants("2031-01-04T10:00:00");
    await server.db.insert(clubRequests).values(
      askers.map((user, i) => ({
        clubId: club?.id ?? "",
        userId: user.id,
        kind: "request" as const,
        createdAt: at[i],
      })),
    );
    const listed = await walk(
      (cursor) => trpc.clubs.listRequests.query({ clubId: club?.id ?? "", limit: 1, cursor }),
      (request) => request.user.id,
    );
    expect(listed).toEqual(askers.map((user) => user.id));
  });

  it("friends.list and friends.requests (newest first)", async () => {
    const friends = await makeUsers("friend");
    const at = instants("2031-01-05T10:00:00");
    await server.db
      .insert(friendships)
      .values(friends.map((user, i) => ({ ...friendPair(viewer.user.id, user.id), createdAt: at[i] })));
    const listed = await walk(
      (cursor) => trpc.friends.list.query({ limit: 1, cursor }),
      (row) => row.user.id,
    );
    expect(listed).toEqual(friends.map((user) => user.id).reverse());

    const askers = await makeUsers("befriender");
    await server.db
      .insert(friendRequests)
      .values(askers.map((user, i) => ({ fromUserId: user.id, toUserId: viewer.user.id, createdAt: at[i] })));
    const requests = await walk(
      (cursor) => trpc.friends.requests.query({ direction: "incoming", limit: 1, cursor }),
      (row) => row.user.id,
    );
    expect(requests).toEqual(askers.map((user) => user.id).reverse());
  });

  it("meetings.listForClub and meetings.myCalendar (soonest first)", async () => {
    const [club] = await makeClubs("meeting", viewer.user.id, instants("2031-01-06T10:00:00").slice(0, 1));
    const startsAt = instants("2031-02-01T18:00:00");
    const made = await server.db
      .insert(meetings)
      .values(
        startsAt.map((at) => ({
          clubId: club?.id ?? "",
          bookTitle: "Same Minute",
          bookPageCount: 10,
          startsAt: at,
          readingDeadline: at,
          place: "Here",
          createdBy: viewer.user.id,
        })),
      )
      .returning({ id: meetings.id });
    await server.db
      .insert(meetingRsvps)
      .values(made.map((meeting) => ({ meetingId: meeting.id, userId: viewer.user.id, status: "going" as const })));
    const ids = made.map((meeting) => meeting.id);
    const listed = await walk(
      (cursor) => trpc.meetings.listForClub.query({ clubId: club?.id ?? "", limit: 1, cursor }),
      (meeting) => meeting.id,
    );
    expect(listed).toEqual(ids);
    const calendar = await walk(
      (cursor) =>
        trpc.meetings.myCalendar.query({
          from: new Date("2031-02-01T00:00:00Z"),
          to: new Date("2031-02-02T00:00:00Z"),
          limit: 1,
          cursor,
        }),
      (row) => row.meeting.id,
    );
    expect(calendar).toEqual(ids);
  });
});
