import { and, clubMembers, type Executor, eq, inArray, sql, tradeItems, users } from "@booky/db";
import { mentionedUsernames, type NotificationKind } from "@booky/domain";
import { friendIdsOf } from "./friends.js";
import { type NotificationDraft, notify } from "./notifications.js";

/**
 * The notifications other services create where things happen, each one
 * call inside the service's own transaction.
 */

/** Every member of a club (or only its admins and owner) but the actor. */
export async function notifyClub(
  tx: Executor,
  clubId: string,
  draft: Omit<NotificationDraft, "userId" | "clubId">,
  only: "members" | "admins" = "members",
) {
  const members = await tx
    .select({ userId: clubMembers.userId })
    .from(clubMembers)
    .where(
      and(
        eq(clubMembers.clubId, clubId),
        only === "admins" ? inArray(clubMembers.role, ["admin", "owner"]) : undefined,
      ),
    );
  await notify(
    tx,
    // The spread last, per member (up to the whole club): added keys after a spread take V8's slow path.
    members.map((member) => ({ clubId, userId: member.userId, ...draft })),
  );
}

/** Every friend of `userId` told what they did (a member who keeps their statuses private tells no one). */
export async function notifyFriends(
  tx: Executor,
  userId: string,
  kind: NotificationKind,
  data: NotificationDraft["data"] = {},
) {
  const friends = await tx.execute<{ id: string }>(sql`select f.id from ${friendIdsOf(userId)} as f(id)`);
  await notify(
    tx,
    friends.map((friend) => ({ userId: friend.id, kind, actorId: userId, data })),
  );
}

/** One member told one thing. */
export function notifyOne(
  tx: Executor,
  userId: string,
  kind: NotificationKind,
  draft: Omit<NotificationDraft, "userId" | "kind"> = {},
) {
  return notify(tx, [{ ...draft, userId, kind }]);
}

/**
 * A new thread or comment: the thread's author and, for a reply, the parent
 * comment's author are told of the reply; the club's members named with
 * `@username` are told of the mention (once each: a mention outranks a reply).
 */
export async function notifyDiscussion(
  tx: Executor,
  text: {
    clubId: string;
    meetingId: string | null;
    threadId: string;
    commentId: string | null;
    authorId: string;
    body: string;
    replyTo: string[];
  },
) {
  const names = mentionedUsernames(text.body);
  const mentioned = names.length
    ? await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(clubMembers, and(eq(clubMembers.userId, users.id), eq(clubMembers.clubId, text.clubId)))
        .where(sql`lower(${users.username}) in ${names}`)
    : [];
  const mentionedIds = new Set(mentioned.map((member) => member.id));
  const about = {
    actorId: text.authorId,
    clubId: text.clubId,
    meetingId: text.meetingId,
    threadId: text.threadId,
    commentId: text.commentId,
  };
  await notify(tx, [
    ...[...mentionedIds].map((userId) => ({ ...about, userId, kind: "mention" as const })),
    ...[...new Set(text.replyTo)]
      .filter((userId) => !mentionedIds.has(userId))
      .map((userId) => ({ ...about, userId, kind: "reply" as const })),
  ]);
}

/** A trade's parties, as the pending-decision helper returns them. */
interface TradeParties {
  id: string;
  fromUserId: string;
  toUserId: string;
}

/**
 * Tells one party of a trade what the other did (`to` names who is told;
 * the other party is the actor). The terms are counted from the proposer's
 * side: how many copies they offer for how many they ask.
 */
export async function notifyTrade(
  tx: Executor,
  kind: Extract<NotificationKind, `trade_${string}`>,
  trade: TradeParties,
  to: "proposer" | "recipient",
) {
  const sides = await tx
    .select({ side: tradeItems.side, count: sql<number>`count(*)::int` })
    .from(tradeItems)
    .where(eq(tradeItems.proposalId, trade.id))
    .groupBy(tradeItems.side);
  const count = (side: string) => sides.find((row) => row.side === side)?.count ?? 0;
  const [userId, actorId] = to === "proposer" ? [trade.fromUserId, trade.toUserId] : [trade.toUserId, trade.fromUserId];
  await notifyOne(tx, userId, kind, {
    actorId,
    data: { tradeId: trade.id, offered: count("offered"), requested: count("requested") },
  });
}
