import { clubRequests, type Executor, eq, friendRequests, sql, tradeProposals } from "@booky/db";
import { definePending } from "./pending-decisions.js";

/** Who acts on a club request: a user, and for the club's side the club they act for. */
export interface ClubActor {
  userId: string;
  clubId?: string;
}

const clubSide = (actor: ClubActor) => (actor.clubId ? eq(clubRequests.clubId, actor.clubId) : sql`false`);
const userSide = (actor: ClubActor) => eq(clubRequests.userId, actor.userId);

const clubRequestColumns = {
  table: clubRequests,
  columns: {
    id: clubRequests.id,
    status: clubRequests.status,
    createdAt: clubRequests.createdAt,
  },
  stamp: (actor: ClubActor) => ({ decidedBy: actor.userId }),
  returning: { clubId: clubRequests.clubId, userId: clubRequests.userId },
};

/** A member asks to join a private club; the club (its admins) decides. */
export const joinRequests = definePending({
  ...clubRequestColumns,
  only: eq(clubRequests.kind, "request"),
  parties: { sender: userSide, recipient: clubSide },
});

/** A club (its admins) invites a member; the member decides. */
export const invitations = definePending({
  ...clubRequestColumns,
  only: eq(clubRequests.kind, "invite"),
  parties: { sender: clubSide, recipient: userSide },
});

/** One member asks another to be friends; the other decides. */
export const friendRequestDecisions = definePending({
  table: friendRequests,
  columns: {
    id: friendRequests.id,
    status: friendRequests.status,
    createdAt: friendRequests.createdAt,
  },
  parties: {
    sender: (actor: { userId: string }) => eq(friendRequests.fromUserId, actor.userId),
    recipient: (actor: { userId: string }) => eq(friendRequests.toUserId, actor.userId),
  },
  returning: { fromUserId: friendRequests.fromUserId, toUserId: friendRequests.toUserId },
});

/** One member proposes a trade to another; the other accepts, declines (or counters), the proposer cancels. */
export const tradeProposalDecisions = definePending({
  table: tradeProposals,
  columns: { id: tradeProposals.id, status: tradeProposals.status, createdAt: tradeProposals.createdAt },
  parties: {
    sender: (actor: { userId: string }) => eq(tradeProposals.fromUserId, actor.userId),
    recipient: (actor: { userId: string }) => eq(tradeProposals.toUserId, actor.userId),
  },
  returning: { id: tradeProposals.id, fromUserId: tradeProposals.fromUserId, toUserId: tradeProposals.toUserId },
});

/** The sweep: every kind's requests still pending and created before `olderThan` expire. */
export async function expirePending(db: Executor, olderThan: Date) {
  return {
    joinRequests: await joinRequests.expirePending(db, olderThan),
    invitations: await invitations.expirePending(db, olderThan),
    friendRequests: await friendRequestDecisions.expirePending(db, olderThan),
  };
}
