import { friendships, loans, sql, tradeItems, tradeProposals } from "@booky/db";
import { friendPair } from "@booky/domain";
import type { Scene, SceneUser } from "./authorization-fixture.js";
import { type Case, outcomes, personal, signedIn } from "./authorization-rows.js";
import { copyOf as copyOfAvailability } from "./scene-objects.js";

const SIGNED_IN = ["outsider", "member", "clubAdmin", "owner", "siteAdmin"] as const;
const me = (scene: Scene, actor: SceneUser | null) => actor ?? scene.people.outsider;

/** A copy of the scene's book that `owner` offers for trade. */
const copyOf = (scene: Scene, owner: SceneUser) => copyOfAvailability(scene, owner, "open_to_trade");

/** A pending one-for-one proposal from `from` to `to`, inserted directly. */
async function proposal(scene: Scene, from: SceneUser, to: SceneUser, status: "pending" | "accepted" = "pending") {
  const [offered, requested] = [await copyOf(scene, from), await copyOf(scene, to)];
  const [row] = await scene.db
    .insert(tradeProposals)
    .values({ fromUserId: from.id, toUserId: to.id, status, fulfilledAt: status === "accepted" ? sql`now()` : null })
    .returning({ id: tradeProposals.id });
  const id = row?.id ?? "";
  const reserved = status === "pending";
  await scene.db.insert(tradeItems).values([
    { proposalId: id, copyId: offered, side: "offered", giverId: from.id, receiverId: to.id, reserved },
    { proposalId: id, copyId: requested, side: "requested", giverId: to.id, receiverId: from.id, reserved },
  ]);
  return { id, offered, requested };
}

async function friends(scene: Scene, one: SceneUser, other: SceneUser) {
  await scene.db.insert(friendships).values(friendPair(one.id, other.id)).onConflictDoNothing();
}

/** A loan of `lender`'s copy to `borrower`, arranged (or out), inserted directly. */
async function loan(
  scene: Scene,
  lenderUser: SceneUser,
  borrowerUser: SceneUser,
  status: "arranged" | "out" = "arranged",
) {
  const copyId = await copyOfAvailability(scene, lenderUser, "open_to_lend");
  const marks = status === "out" ? { handedAt: sql`now()`, receivedAt: sql`now()` } : {};
  const [row] = await scene.db
    .insert(loans)
    .values({
      copyId,
      lenderId: lenderUser.id,
      borrowerId: borrowerUser.id,
      dueOn: "2999-01-01",
      status,
      ...marks,
    })
    .returning({ id: loans.id, copyId: loans.copyId });
  return { id: row?.id ?? "", copyId: row?.copyId ?? "" };
}

/** Trades: between the caller and a friend (the stranger), or refused as someone else's. */
export function tradesRows(): Record<string, Case | Case[]> {
  const notFoundForAll = outcomes({ NOT_FOUND: [...SIGNED_IN] });
  const toMe = { prepare: (s: Scene, actor: SceneUser | null) => proposal(s, s.people.stranger, me(s, actor)) };
  const fromMe = { prepare: (s: Scene, actor: SceneUser | null) => proposal(s, me(s, actor), s.people.stranger) };
  const othersTrade = {
    label: "two other members' trade",
    prepare: async (s: Scene) => proposal(s, s.people.stranger, await s.newPerson()),
  };
  return {
    "trades.propose": [
      personal(
        signedIn,
        {
          label: "to a friend",
          prepare: async (s, actor) => {
            await friends(s, me(s, actor), s.people.stranger);
            return { offered: await copyOf(s, me(s, actor)), requested: await copyOf(s, s.people.stranger) };
          },
        },
        (t, s, p) =>
          t.trades.propose.mutate({
            toUserId: s.people.stranger.id,
            offeredCopyIds: [p.offered],
            requestedCopyIds: [p.requested],
          }),
      ),
      personal(
        outcomes({ FORBIDDEN: [...SIGNED_IN] }),
        {
          label: "to a stranger",
          prepare: async (s, actor) => ({
            offered: await copyOf(s, me(s, actor)),
            requested: await copyOf(s, s.people.stranger),
          }),
        },
        (t, s, p) =>
          t.trades.propose.mutate({
            toUserId: s.people.stranger.id,
            offeredCopyIds: [p.offered],
            requestedCopyIds: [p.requested],
          }),
      ),
    ],
    "trades.accept": [
      personal(signedIn, toMe, (t, _, p) => t.trades.accept.mutate({ tradeId: p.id })),
      personal(notFoundForAll, othersTrade, (t, _, p) => t.trades.accept.mutate({ tradeId: p.id })),
    ],
    "trades.decline": [
      personal(signedIn, toMe, (t, _, p) => t.trades.decline.mutate({ tradeId: p.id })),
      personal(notFoundForAll, othersTrade, (t, _, p) => t.trades.decline.mutate({ tradeId: p.id })),
    ],
    "trades.counter": [
      personal(signedIn, toMe, (t, _, p) =>
        t.trades.counter.mutate({ tradeId: p.id, offeredCopyIds: [p.requested], requestedCopyIds: [p.offered] }),
      ),
      personal(notFoundForAll, othersTrade, (t, _, p) =>
        t.trades.counter.mutate({ tradeId: p.id, offeredCopyIds: [p.requested], requestedCopyIds: [p.offered] }),
      ),
    ],
    "trades.cancel": [
      personal(signedIn, fromMe, (t, _, p) => t.trades.cancel.mutate({ tradeId: p.id })),
      personal(notFoundForAll, othersTrade, (t, _, p) => t.trades.cancel.mutate({ tradeId: p.id })),
    ],
    "trades.get": [
      personal(signedIn, toMe, (t, _, p) => t.trades.get.query({ tradeId: p.id })),
      personal(notFoundForAll, othersTrade, (t, _, p) => t.trades.get.query({ tradeId: p.id })),
    ],
    "trades.list": personal(signedIn, (t) => t.trades.list.query({ box: "history" })),
    "trades.handover": [
      personal(
        signedIn,
        { prepare: (s, actor) => proposal(s, me(s, actor), s.people.stranger, "accepted") },
        (t, _, p) => t.trades.handover.mutate({ tradeId: p.id, step: "sent" }),
      ),
      personal(
        notFoundForAll,
        {
          label: "two other members' trade",
          prepare: async (s) => proposal(s, s.people.stranger, await s.newPerson(), "accepted"),
        },
        (t, _, p) => t.trades.handover.mutate({ tradeId: p.id, step: "sent" }),
      ),
    ],
    "trades.block": personal(signedIn, (t, s) => t.trades.block.mutate({ userId: s.people.stranger.id })),
    "trades.unblock": [
      personal(
        signedIn,
        {
          prepare: async (s, actor) => {
            await s.db.execute(
              sql`insert into trade_blocks (blocker_id, blocked_id) values (${me(s, actor).id}, ${s.people.stranger.id})`,
            );
          },
        },
        (t, s) => t.trades.unblock.mutate({ userId: s.people.stranger.id }),
      ),
      personal(notFoundForAll, { label: "nobody blocked" }, (t, s) =>
        t.trades.unblock.mutate({ userId: s.people.stranger.id }),
      ),
    ],
    "trades.blocked": personal(signedIn, (t) => t.trades.blocked.query({})),
    "trades.matchesForMe": personal(signedIn, (t) => t.trades.matchesForMe.query({})),
    "trades.myCopiesWanted": personal(signedIn, (t) => t.trades.myCopiesWanted.query({})),

    "loans.lend": [
      personal(
        signedIn,
        {
          label: "to a friend",
          prepare: async (s, actor) => {
            await friends(s, me(s, actor), s.people.stranger);
            return copyOfAvailability(s, me(s, actor), "open_to_lend");
          },
        },
        (t, s, copyId) =>
          t.loans.lend.mutate({
            copyId,
            borrowerId: s.people.stranger.id,
            dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
          }),
      ),
      personal(
        outcomes({ FORBIDDEN: [...SIGNED_IN] }),
        { label: "to a stranger", prepare: (s, actor) => copyOf(s, me(s, actor)) },
        (t, s, copyId) => t.loans.lend.mutate({ copyId, borrowerId: s.people.stranger.id, dueOn: "2999-01-01" }),
      ),
    ],
    "loans.confirm": [
      personal(signedIn, { prepare: (s, actor) => loan(s, me(s, actor), s.people.stranger) }, (t, _, l) =>
        t.loans.confirm.mutate({ loanId: l.id, what: "handover" }),
      ),
      personal(
        notFoundForAll,
        { label: "two other members' loan", prepare: async (s) => loan(s, s.people.stranger, await s.newPerson()) },
        (t, _, l) => t.loans.confirm.mutate({ loanId: l.id, what: "handover" }),
      ),
    ],
    "loans.cancel": [
      personal(signedIn, { prepare: (s, actor) => loan(s, s.people.stranger, me(s, actor)) }, (t, _, l) =>
        t.loans.cancel.mutate({ loanId: l.id }),
      ),
      personal(
        notFoundForAll,
        { label: "two other members' loan", prepare: async (s) => loan(s, s.people.stranger, await s.newPerson()) },
        (t, _, l) => t.loans.cancel.mutate({ loanId: l.id }),
      ),
    ],
    "loans.get": [
      personal(signedIn, { prepare: (s, actor) => loan(s, me(s, actor), s.people.stranger, "out") }, (t, _, l) =>
        t.loans.get.query({ loanId: l.id }),
      ),
      personal(
        notFoundForAll,
        { label: "two other members' loan", prepare: async (s) => loan(s, s.people.stranger, await s.newPerson()) },
        (t, _, l) => t.loans.get.query({ loanId: l.id }),
      ),
    ],
    "loans.mine": personal(signedIn, (t) => t.loans.mine.query({ role: "borrowed" })),
    "loans.forCopy": [
      personal(signedIn, { prepare: (s, actor) => loan(s, me(s, actor), s.people.stranger) }, (t, _, l) =>
        t.loans.forCopy.query({ copyId: l.copyId }),
      ),
      personal(
        notFoundForAll,
        { label: "the borrower asking", prepare: (s, actor) => loan(s, s.people.stranger, me(s, actor)) },
        (t, _, l) => t.loans.forCopy.query({ copyId: l.copyId }),
      ),
    ],
  };
}
