import { clubMembers, clubRequests, clubs, friendRequests, friendships, users } from "@booky/db";
import { friendPair } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";

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

async function makeClubs(tag: string, ownerId: string, count = 3) {
  return server.db.transaction(async (tx) => {
    const created = await tx
      .insert(clubs)
      .values(
        Array.from({ length: count }, (_, i) => ({
          slug: `${tag}-${i}`,
          name: `${tag} ${i}`,
          category: "other" as const,
          isOnline: true,
          visibility: "private" as const,
          ownerId,
          memberCount: 1,
        })),
      )
      .returning({ id: clubs.id });
    await tx
      .insert(clubMembers)
      .values(created.map((club) => ({ clubId: club.id, userId: ownerId, role: "owner" as const })));
    return created.map((club) => club.id);
  });
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/** Every item of a list, one per page; fails if the list never ends. */
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
    expect(listedInvites).toEqual(
      byId(
        invites.map((invite) => invite.id),
        "asc",
      ),
    );
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
    expect(listed).toEqual(
      byId(
        requests.map((request) => request.id),
        "asc",
      ),
    );
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
    expect(incoming).toEqual(
      byId(
        requests.map((request) => request.id),
        "desc",
      ),
    );
  });
});
