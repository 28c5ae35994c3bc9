import { clubRequests, clubs, eq, friendRequests, inArray, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { AppError } from "../src/errors.js";
import { expirePending, friendRequestDecisions, invitations, joinRequests } from "../src/services/pending-kinds.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

/**
 * The one pending-decision mechanism (services/pending-decisions.ts) behind
 * club join requests, club invitations and friend requests: decided once
 * under races, only by the deciding party, and swept when it grows old.
 */
const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

/** Of calls racing, how many succeeded and the error codes of the rest. */
async function raced(calls: Promise<unknown>[]) {
  const results = await Promise.allSettled(calls);
  const ok = results.filter((result) => result.status === "fulfilled").length;
  const codes = await Promise.all(
    results.flatMap((result) => (result.status === "rejected" ? [codeOf(Promise.reject(result.reason))] : [])),
  );
  return { ok, codes };
}

async function privateClubWithRequest() {
  const owner = await signedUpClient(server);
  const admin = await signedUpClient(server);
  const asker = await signedUpClient(server);
  const club = await owner.client.trpc.clubs.create.mutate({
    name: "Pending Club",
    category: "fiction",
    isOnline: true,
    visibility: "private",
  });
  await owner.client.trpc.clubs.invite.mutate({ clubId: club.id, username: admin.user.username });
  const [invite] = (await admin.client.trpc.clubs.myInvites.query({})).items;
  await admin.client.trpc.clubs.acceptInvite.mutate({ requestId: invite?.id ?? "" });
  await owner.client.trpc.clubs.setRole.mutate({ clubId: club.id, userId: admin.user.id, role: "admin" });
  const request = await asker.client.trpc.clubs.requestToJoin.mutate({ clubId: club.id });
  return { club, owner, admin, asker, requestId: request?.id ?? "" };
}

async function memberCountOf(clubId: string) {
  const [row] = await server.db.select({ memberCount: clubs.memberCount }).from(clubs).where(eq(clubs.id, clubId));
  return row?.memberCount;
}

describe("pending decisions are taken exactly once", () => {
  it("a friend request accepted and cancelled at once: one wins, the other is NOT_FOUND", async () => {
    const ana = await signedUpClient(server);
    const ben = await signedUpClient(server);
    const request = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    const requestId = request?.id ?? "";
    const { ok, codes } = await raced([
      ben.client.trpc.friends.accept.mutate({ requestId }),
      ana.client.trpc.friends.cancel.mutate({ requestId }),
      ben.client.trpc.friends.decline.mutate({ requestId }),
    ]);
    expect(ok).toBe(1);
    expect(codes).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const [row] = await server.db.select().from(friendRequests).where(eq(friendRequests.id, requestId));
    const friends = (await ana.client.trpc.friends.list.query({})).items.length;
    expect(friends).toBe(row?.status === "accepted" ? 1 : 0);
    expect(row?.decidedAt).not.toBeNull();
  });

  it("two admins deciding one join request at once: one decision, one NOT_FOUND, the seat counted once", async () => {
    const { club, owner, admin, asker, requestId } = await privateClubWithRequest();
    const { ok, codes } = await raced([
      owner.client.trpc.clubs.approveRequest.mutate({ clubId: club.id, requestId }),
      admin.client.trpc.clubs.approveRequest.mutate({ clubId: club.id, requestId }),
      asker.client.trpc.clubs.cancelRequest.mutate({ requestId }),
    ]);
    expect(ok).toBe(1);
    expect(codes).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const [row] = await server.db.select().from(clubRequests).where(eq(clubRequests.id, requestId));
    const members = await owner.client.trpc.clubs.members.query({ clubId: club.id });
    expect(members.items.length).toBe(row?.status === "accepted" ? 3 : 2);
    expect(await memberCountOf(club.id)).toBe(members.items.length);
  });

  it("an invitation accepted twice at once makes one membership", async () => {
    const owner = await signedUpClient(server);
    const guest = await signedUpClient(server);
    const club = await owner.client.trpc.clubs.create.mutate({ name: "Twice", category: "fiction", isOnline: true });
    const invite = await owner.client.trpc.clubs.invite.mutate({ clubId: club.id, username: guest.user.username });
    const requestId = invite?.id ?? "";
    const { ok, codes } = await raced([
      guest.client.trpc.clubs.acceptInvite.mutate({ requestId }),
      guest.client.trpc.clubs.acceptInvite.mutate({ requestId }),
    ]);
    expect({ ok, codes }).toEqual({ ok: 1, codes: ["NOT_FOUND"] });
    expect(await memberCountOf(club.id)).toBe(2);
  });
});

describe("only the deciding party decides", () => {
  it("friend requests: the recipient accepts or declines, the sender cancels, nobody else does anything", async () => {
    const ana = await signedUpClient(server);
    const ben = await signedUpClient(server);
    const cleo = await signedUpClient(server);
    const request = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    const requestId = request?.id ?? "";
    const refusals = [
      () => ana.client.trpc.friends.accept.mutate({ requestId }),
      () => ana.client.trpc.friends.decline.mutate({ requestId }),
      () => ben.client.trpc.friends.cancel.mutate({ requestId }),
      () => cleo.client.trpc.friends.accept.mutate({ requestId }),
      () => cleo.client.trpc.friends.cancel.mutate({ requestId }),
    ];
    for (const refused of refusals) {
      const error = await rejectionOf(refused());
      expect(error.data?.code).toBe("NOT_FOUND");
      expect(error.message).toMatch(/^No pending friend request with this id (for|from) you$/);
    }
    const [row] = await server.db.select().from(friendRequests).where(eq(friendRequests.id, requestId));
    expect(row?.status).toBe("pending");
  });

  it("join requests: the club's admins decide, the requester withdraws; other clubs and other people cannot", async () => {
    const { club, owner, asker, requestId } = await privateClubWithRequest();
    const elsewhere = await signedUpClient(server);
    const other = await elsewhere.client.trpc.clubs.create.mutate({
      name: "Elsewhere",
      category: "fiction",
      isOnline: true,
    });
    expect(await codeOf(elsewhere.client.trpc.clubs.approveRequest.mutate({ clubId: other.id, requestId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(owner.client.trpc.clubs.cancelRequest.mutate({ requestId }))).toBe("NOT_FOUND");
    expect(await codeOf(asker.client.trpc.clubs.approveRequest.mutate({ clubId: club.id, requestId }))).toBe(
      "FORBIDDEN",
    );
    // Below the procedures too: the requester is not the recipient, the club is not the sender.
    const asRequester = joinRequests.decide(server.db, {
      id: requestId,
      decision: "accepted",
      actor: { userId: asker.user.id },
      missing: "nope",
    });
    await expect(asRequester).rejects.toMatchObject({ kind: "not_found", message: "nope" });
    await expect(
      joinRequests.decide(server.db, {
        id: requestId,
        decision: "cancelled",
        actor: { userId: owner.user.id, clubId: club.id },
        missing: "nope",
      }),
    ).rejects.toBeInstanceOf(AppError);
    // An invitation decision never touches a join request, whoever asks.
    await expect(
      invitations.decide(server.db, {
        id: requestId,
        decision: "accepted",
        actor: { userId: asker.user.id },
        missing: "nope",
      }),
    ).rejects.toBeInstanceOf(AppError);

    await asker.client.trpc.clubs.cancelRequest.mutate({ requestId });
    const [row] = await server.db.select().from(clubRequests).where(eq(clubRequests.id, requestId));
    expect(row).toMatchObject({ status: "cancelled", decidedBy: asker.user.id });
    expect((await owner.client.trpc.clubs.listRequests.query({ clubId: club.id })).items).toEqual([]);
    const again = await asker.client.trpc.clubs.requestToJoin.mutate({ clubId: club.id });
    expect(again?.status).toBe("pending");
  });
});

describe("expirePending", () => {
  it("expires only pending rows created before the cutoff; expired rows cannot be decided", async () => {
    const ana = await signedUpClient(server);
    const ben = await signedUpClient(server);
    const cleo = await signedUpClient(server);
    const old = await ana.client.trpc.friends.request.mutate({ username: ben.user.username });
    const oldDecided = await ana.client.trpc.friends.request.mutate({ username: cleo.user.username });
    await cleo.client.trpc.friends.decline.mutate({ requestId: oldDecided?.id ?? "" });
    const { club, asker, requestId: oldJoin } = await privateClubWithRequest();
    const agedIds = [old?.id ?? "", oldDecided?.id ?? ""];
    await server.db
      .update(friendRequests)
      .set({ createdAt: sql`now() - interval '40 days'` })
      .where(inArray(friendRequests.id, agedIds));
    await server.db
      .update(clubRequests)
      .set({ createdAt: sql`now() - interval '40 days'` })
      .where(eq(clubRequests.id, oldJoin));
    const fresh = await ben.client.trpc.friends.request.mutate({ username: cleo.user.username });

    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await expirePending(server.db, cutoff)).toEqual({ joinRequests: 1, invitations: 0, friendRequests: 1 });

    const rows = await server.db
      .select()
      .from(friendRequests)
      .where(inArray(friendRequests.id, [...agedIds, fresh?.id ?? ""]));
    const statusOf = (id: string | undefined) => rows.find((row) => row.id === id)?.status;
    expect([statusOf(old?.id), statusOf(oldDecided?.id), statusOf(fresh?.id)]).toEqual([
      "expired",
      "declined",
      "pending",
    ]);
    expect(await codeOf(ben.client.trpc.friends.accept.mutate({ requestId: old?.id ?? "" }))).toBe("NOT_FOUND");
    expect(await codeOf(asker.client.trpc.clubs.cancelRequest.mutate({ requestId: oldJoin }))).toBe("NOT_FOUND");
    expect(await friendRequestDecisions.expirePending(server.db, cutoff)).toBe(0);
    // An expired request no longer blocks a new one.
    expect((await asker.client.trpc.clubs.requestToJoin.mutate({ clubId: club.id }))?.status).toBe("pending");
  });
});
