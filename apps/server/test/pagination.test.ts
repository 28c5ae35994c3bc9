import { clubRequests, friendRequests, friendships, users } from "@booky/db";
import { friendPair } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";
import { allPages, insertOwnedClubs, type Page } from "./list-support.js";

/**
 * Rows written by one statement share their `created_at` exactly (it is the
 * transaction's `now()`), so a list keyed by it must page by (time, id) and
 * its cursor must carry the stored time exactly: a cursor cut short repeats
 * rows (oldest first) or skips them (newest first).
 */
const server = await startTestServer();
const viewer = await signedUpClient(server);

const byId = (ids: string[], order: "asc" | "desc") => {
  const sorted = [...ids].sort();
  return order === "asc" ? sorted : sorted.reverse();
};
/** The rows' ids in the order a list keyed by (time, id) returns rows written in one statement. */
const rowIds = (rows: { id: string }[], order: "asc" | "desc") =>
  byId(
    rows.map((row) => row.id),
    order,
  );

async function makeUsers(tag: string) {
  const rows = await server.db
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
  return rows.map((row) => row.id);
}

const makeClubs = (tag: string, ownerId: string, count = 3) => insertOwnedClubs(server, tag, ownerId, count);

/** Every item of a list, one per page; fails if the list never ends. */
async function walk<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, idOf: (item: T) => string) {
  return (await allPages(fetchPage)).flat().map(idOf);
}

describe("lists keyed by a creation time page through rows written in one statement", () => {
  const { trpc } = viewer.client;

  it("clubs.list (newest first) and clubs.myInvites (oldest first)", async () => {
    const [hostId = ""] = await makeUsers("inviting");
    const made = await makeClubs("samestatement", hostId);
    const listed = await walk(
      (cursor) => trpc.clubs.list.query({ search: "samestatement", limit: 1, cursor }),
      (club) => club.id,
    );
    expect(listed).toEqual(byId(made, "desc"));

    const invites = await server.db
      .insert(clubRequests)
      .values(made.map((clubId) => ({ clubId, userId: viewer.user.id, kind: "invite" as const, invitedBy: hostId })))
      .returning({ id: clubRequests.id });
    const listedInvites = await walk(
      (cursor) => trpc.clubs.myInvites.query({ limit: 1, cursor }),
      (invite) => invite.id,
    );
    expect(listedInvites).toEqual(rowIds(invites, "asc"));
  });

  it("clubs.listRequests (oldest first)", async () => {
    const [clubId = ""] = await makeClubs("asked", viewer.user.id, 1);
    const askers = await makeUsers("asker");
    const requests = await server.db
      .insert(clubRequests)
      .values(askers.map((userId) => ({ clubId, userId, kind: "request" as const })))
      .returning({ id: clubRequests.id });
    const listed = await walk(
      (cursor) => trpc.clubs.listRequests.query({ clubId, limit: 1, cursor }),
      (request) => request.id,
    );
    expect(listed).toEqual(rowIds(requests, "asc"));
  });

  it("friends.list and friends.requests (newest first)", async () => {
    const friends = await makeUsers("friend");
    await server.db.insert(friendships).values(friends.map((id) => friendPair(viewer.user.id, id)));
    const listed = await walk(
      (cursor) => trpc.friends.list.query({ limit: 1, cursor }),
      (row) => row.user.id,
    );
    expect(listed).toEqual(byId(friends, "desc"));

    const askers = await makeUsers("befriender");
    const requests = await server.db
      .insert(friendRequests)
      .values(askers.map((fromUserId) => ({ fromUserId, toUserId: viewer.user.id })))
      .returning({ id: friendRequests.id });
    const incoming = await walk(
      (cursor) => trpc.friends.requests.query({ box: "incoming", limit: 1, cursor }),
      (row) => row.id,
    );
    expect(incoming).toEqual(rowIds(requests, "desc"));
  });
});
