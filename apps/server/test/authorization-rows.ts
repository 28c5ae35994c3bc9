import {
  apiTokens,
  appendLedger,
  bets,
  clubRequests,
  discussionComments,
  eq,
  friendRequests,
  friendships,
  meetings,
  sql,
} from "@booky/db";
import { friendPair, ledgerKey } from "@booky/domain";
import { createResetToken } from "../src/services/password-reset.js";
import {
  type Expected,
  LIMITED,
  type Outcome,
  PASSWORD,
  ROLES,
  type Role,
  type Scene,
  type SceneUser,
} from "./authorization-fixture.js";
import { importsRows } from "./authorization-rows-imports.js";
import { moderationRows } from "./authorization-rows-moderation.js";
import { datePollsRows, pollsRows, schedulesRows } from "./authorization-rows-polls.js";
import { reviewsRows } from "./authorization-rows-reviews.js";
import { shelvesRows } from "./authorization-rows-shelves.js";
import { tradesRows } from "./authorization-rows-trades.js";
import { webhooksRows } from "./authorization-rows-webhooks.js";
import { newMember, type TestClient } from "./harness.js";
import { liveStreamStarts } from "./live-support.js";
import { threadBy } from "./scene-objects.js";

type Trpc = TestClient["trpc"];
type Call<P> = (trpc: Trpc, scene: Scene, prepared: P, actor: SceneUser | null) => Promise<unknown>;

export interface Case {
  /** What sets this case apart from the procedure's first one, e.g. "another club's request". */
  label?: string;
  /** Club cases run twice, against a public and a private club. */
  perClub: boolean;
  expect: { public: Expected; private: Expected };
  /** Makes what the call needs, before the "refused calls change nothing" snapshot; `actor` is null when anonymous. */
  prepare?: (scene: Scene, actor: SceneUser | null) => Promise<unknown>;
  call: Call<unknown>;
}

interface Options<P> {
  label?: string;
  prepare?: (scene: Scene, actor: SceneUser | null) => Promise<P>;
}

const SIGNED_IN = ROLES.filter((role) => role !== "anonymous");
const CLUB_PEOPLE: Role[] = ["member", "clubAdmin", "owner"];

/** The roles named get that outcome; other signed-in callers FORBIDDEN, anonymous ones UNAUTHORIZED. */
export function outcomes(spec: Partial<Record<Outcome, readonly Role[]>>): Expected {
  const expected = Object.fromEntries(
    ROLES.map((role) => [role, role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN"]),
  ) as Expected;
  for (const [outcome, roles] of Object.entries(spec) as [Outcome, Role[]][]) {
    for (const role of roles) expected[role] = outcome;
  }
  return expected;
}

export const anyone = outcomes({ ok: ROLES });
export const signedIn = outcomes({ ok: SIGNED_IN });
export const clubMembersOnly = outcomes({ ok: CLUB_PEOPLE });
export const clubAdmins = outcomes({ ok: ["clubAdmin", "owner"] });
export const clubOwner = outcomes({ ok: ["owner"] });
/** Club content: anyone signed in for a public club; a private club's members, and site admins, who moderate. */
export const content = { public: signedIn, private: outcomes({ ok: [...CLUB_PEOPLE, "siteAdmin"] }) };
/** A club's page: outsiders of a private club get its name and description only. */
export const clubPage = {
  public: signedIn,
  private: outcomes({ ok: [...CLUB_PEOPLE, "siteAdmin"], limited: ["outsider"] }),
};

/** Public pages: everyone reads a public club; a private one shows everyone its name and description only. */
export const everyoneLimitedIfPrivate = { public: anyone, private: outcomes({ limited: ROLES }) };

/** A public club's lists, readable by everyone; a private club's refused to everyone. */
export const everyonePublicOnly = { public: anyone, private: outcomes({ FORBIDDEN: ROLES }) };

const both = (expected: ClubExpected) => ("public" in expected ? expected : { public: expected, private: expected });

type ClubExpected = Expected | { public: Expected; private: Expected };

function makeCase<P>(perClub: boolean, expected: ClubExpected, rest: [Call<P>] | [Options<P>, Call<P>]): Case {
  const [options, call] = rest.length === 1 ? [{}, rest[0]] : rest;
  return { ...options, perClub, expect: both(expected), call: call as Call<unknown> } as Case;
}

/**
 * A procedure about the caller themself (their account, friends, invitations): one run.
 * `options.prepare` makes what the call needs (its result is the call's third argument).
 */
export function personal(expected: Expected, call: Call<undefined>): Case;
export function personal<P>(expected: Expected, options: Options<P>, call: Call<P>): Case;
export function personal<P>(expected: Expected, ...rest: [Call<P>] | [Options<P>, Call<P>]): Case {
  return makeCase(false, expected, rest);
}

/** A procedure on the scene's club or its meeting: run against a public and a private club. */
export function inClub(expected: ClubExpected, call: Call<undefined>): Case;
export function inClub<P>(expected: ClubExpected, options: Options<P>, call: Call<P>): Case;
export function inClub<P>(expected: ClubExpected, ...rest: [Call<P>] | [Options<P>, Call<P>]): Case {
  return makeCase(true, expected, rest);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const limitedIf = (club: { access: "full" | "limited" }) => (club.access === "limited" ? LIMITED : club);

async function joinRequest(scene: Scene) {
  const asker = await scene.newPerson();
  const [request] = await scene.db
    .insert(clubRequests)
    .values({ clubId: scene.club.id, userId: asker.id, kind: "request" })
    .returning({ id: clubRequests.id });
  return request?.id ?? "";
}

/** An invitation for `invitee` into another club. */
async function invitation(scene: Scene, invitee: SceneUser) {
  const club = await scene.otherClub();
  const [invite] = await scene.db
    .insert(clubRequests)
    .values({ clubId: club.id, userId: invitee.id, kind: "invite", invitedBy: club.hostId })
    .returning({ id: clubRequests.id });
  return invite?.id ?? "";
}

/** A pending request of `asker` to join another club. */
async function ownJoinRequest(scene: Scene, asker: SceneUser) {
  const club = await scene.otherClub();
  const [request] = await scene.db
    .insert(clubRequests)
    .values({ clubId: club.id, userId: asker.id, kind: "request" })
    .returning({ id: clubRequests.id });
  return request?.id ?? "";
}

async function friendRequest(scene: Scene, from: SceneUser, to: SceneUser) {
  const [request] = await scene.db
    .insert(friendRequests)
    .values({ fromUserId: from.id, toUserId: to.id })
    .returning({ id: friendRequests.id });
  return request?.id ?? "";
}

async function friendship(scene: Scene, one: SceneUser, other: SceneUser) {
  await scene.db.insert(friendships).values(friendPair(one.id, other.id));
}

/** The caller, or for an anonymous call someone it would have acted for (the call is refused first). */
const me = (scene: Scene, actor: SceneUser | null) => actor ?? scene.people.outsider;

const anotherClub: Options<Awaited<ReturnType<Scene["otherClub"]>>> = {
  label: "another club's request",
  prepare: (s) => s.otherClub(),
};
const anotherClubsMember: Options<Awaited<ReturnType<Scene["otherClub"]>>> = {
  label: "a member of another club",
  prepare: (s) => s.otherClub(),
};
const startedWithAnotherClub: Options<Awaited<ReturnType<Scene["otherClub"]>>> = {
  label: "a member of another club",
  prepare: async (s) => {
    await startMeeting(s);
    return s.otherClub();
  },
};
const someoneElsesInvitation: Options<string> = {
  label: "someone else's invitation",
  prepare: (s) => invitation(s, s.people.stranger),
};
const someoneElsesJoinRequest: Options<string> = {
  label: "someone else's join request",
  prepare: async (s) => (await s.otherClub()).requestId,
};
const requestBetweenOthers = (label: string): Options<string> => ({
  label,
  prepare: async (s) => friendRequest(s, s.people.stranger, await s.newPerson()),
});

/** An open bet of `bettor` on the scene's member, its stake taken from the balance as `bets.place` does. */
/** A personal access token of `holder`'s, straight into the table. */
async function tokenOf(scene: Scene, holder: SceneUser) {
  const [token] = await scene.db
    .insert(apiTokens)
    .values({ userId: holder.id, name: "script", scopes: ["read"], tokenHash: Buffer.from(crypto.randomUUID()) })
    .returning({ id: apiTokens.id });
  if (!token) throw new Error("token insert returned nothing");
  return token.id;
}

async function betBy(scene: Scene, bettor: SceneUser) {
  return scene.db.transaction(async (tx) => {
    const [bet] = await tx
      .insert(bets)
      .values({ meetingId: scene.meetingId, userId: bettor.id, horseId: scene.people.member.id, stake: 10 })
      .returning({ id: bets.id });
    if (!bet) throw new Error("bet insert returned nothing");
    await appendLedger(tx, [
      { userId: bettor.id, kind: "stake", amount: -10, scoreDelta: 0, key: ledgerKey.stake(bet.id), betId: bet.id },
    ]);
    return bet.id;
  });
}

async function startMeeting(scene: Scene) {
  await scene.db
    .update(meetings)
    .set({ status: "active", startedAt: sql`now()` })
    .where(eq(meetings.id, scene.meetingId));
}

/** A thread of the scene's club (its meeting's), by `author`. */

/** A comment by `author` on a thread of the scene's club. */
async function commentBy(scene: Scene, author: SceneUser) {
  const threadId = await threadBy(scene, scene.people.owner);
  const [comment] = await scene.db
    .insert(discussionComments)
    .values({ threadId, authorId: author.id, body: "Hi", bodyHtml: "<p>Hi</p>", excerpt: "Hi", sortKey: "0" })
    .returning({ id: discussionComments.id });
  return comment?.id ?? "";
}

const someThread: Options<string> = { prepare: (s) => threadBy(s, s.people.owner) };
const ownThread: Options<string> = { prepare: (s, actor) => threadBy(s, me(s, actor)) };
const someoneElsesThread: Options<string> = {
  label: "someone else's thread",
  prepare: async (s) => threadBy(s, await s.newPerson()),
};
const ownComment: Options<string> = { prepare: (s, actor) => commentBy(s, me(s, actor)) };
const someoneElsesComment: Options<string> = {
  label: "someone else's comment",
  prepare: async (s) => commentBy(s, await s.newPerson()),
};
const nobody = outcomes({});

/**
 * Every procedure of the app router, with who may call it. Adding a procedure
 * means adding its row here (the matrix test fails until then), usually one line:
 * `"books.get": personal(signedIn, (t) => t.books.get.query({ bookId: ... })),`.
 * A label names what sets a second case of a procedure apart.
 */
export const rows: Record<string, Case | Case[]> = {
  "auth.signUp": personal(anyone, (t) => t.auth.signUp.mutate(newMember())),
  "auth.logIn": personal(anyone, (t, s, _, actor) =>
    t.auth.logIn.mutate({ email: (actor ?? s.people.stranger).email, password: PASSWORD }),
  ),
  // Anonymous: no cookie is "no session", answered `null` (a visitor's page load fails no request).
  "auth.refresh": personal(anyone, (t) => t.auth.refresh.mutate()),
  "auth.logOut": personal(anyone, (t) => t.auth.logOut.mutate()),
  "auth.logOutEverywhere": personal(signedIn, (t) => t.auth.logOutEverywhere.mutate()),
  "auth.me": personal(signedIn, (t) => t.auth.me.query()),
  "auth.changePassword": personal(signedIn, (t) =>
    t.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: "another passphrase entirely" }),
  ),
  "auth.requestPasswordReset": personal(anyone, (t, s) =>
    t.auth.requestPasswordReset.mutate({ email: s.people.stranger.email }),
  ),
  "auth.resetPassword": personal(
    anyone,
    { prepare: (s) => createResetToken(s.db, s.people.stranger.id, 30) },
    (t, _, token) => t.auth.resetPassword.mutate({ token, newPassword: "a brand new passphrase" }),
  ),

  "books.search": personal(signedIn, (t) => t.books.search.query({ query: "name of the rose" })),
  "books.get": personal(signedIn, (t, s) => t.books.get.query({ bookId: s.book.id })),
  "books.byIsbn": personal(signedIn, (t, s) => t.books.byIsbn.query({ isbn: s.book.isbn13 })),
  "books.import": personal(signedIn, (t, s) => t.books.import.mutate({ isbn: s.book.isbn13 })),
  "books.clubs": personal(signedIn, (t, s) => t.books.clubs.query({ bookId: s.book.id })),
  "users.get": personal(anyone, (t, s) => t.users.get.query({ username: s.people.member.username })),
  "users.updateProfile": personal(signedIn, (t) => t.users.updateProfile.mutate({ bio: "Reads in the bath." })),
  "users.deleteAccount": inClub(
    outcomes({ ok: ["outsider", "member", "clubAdmin", "siteAdmin"], CONFLICT: ["owner"] }),
    (t) => t.users.deleteAccount.mutate({ password: PASSWORD }),
  ),

  "clubs.create": personal(signedIn, (t) =>
    t.clubs.create.mutate({ name: "Fresh Pages", category: "poetry", isOnline: true }),
  ),
  "clubs.get": inClub(clubPage, (t, s) => t.clubs.get.query({ clubId: s.club.id }).then(limitedIf)),
  "clubs.list": inClub(clubPage, async (t, s) => {
    const listed = (await t.clubs.list.query({ search: s.club.name })).items.find((club) => club.id === s.club.id);
    if (!listed) throw new Error("the club is missing from the directory");
    return limitedIf(listed);
  }),
  // Readable without an account; a private club answers with its name and description only, to everyone.
  "public.clubs": inClub(everyoneLimitedIfPrivate, async (t, s) => {
    const listed = (await t.public.clubs.query({ search: s.club.name })).items.find((club) => club.id === s.club.id);
    if (!listed) throw new Error("the club is missing from the public directory");
    return limitedIf(listed);
  }),
  "public.club": inClub(everyoneLimitedIfPrivate, (t, s) => t.public.club.query({ clubId: s.club.id }).then(limitedIf)),
  // The page's lists, paged on: a private club's are for its members (meetings.listForClub, progress.forMeeting).
  "public.clubMeetings": inClub(everyonePublicOnly, (t, s) => t.public.clubMeetings.query({ clubId: s.club.id })),
  "public.clubRace": inClub(everyonePublicOnly, (t, s) => t.public.clubRace.query({ clubId: s.club.id })),
  "public.book": personal(anyone, (t, s) => t.public.book.query({ bookId: s.book.id })),
  "clubs.update": inClub(clubAdmins, (t, s) =>
    t.clubs.update.mutate({ clubId: s.club.id, changes: { description: "Edited" } }),
  ),
  "clubs.setBetting": inClub(clubAdmins, (t, s) => t.clubs.setBetting.mutate({ clubId: s.club.id, enabled: false })),
  "clubs.archive": inClub(clubOwner, (t, s) => t.clubs.archive.mutate({ clubId: s.club.id })),
  "clubs.join": inClub(
    {
      public: outcomes({ ok: ["outsider", "siteAdmin"], CONFLICT: CLUB_PEOPLE }),
      private: outcomes({ CONFLICT: CLUB_PEOPLE }),
    },
    (t, s) => t.clubs.join.mutate({ clubId: s.club.id }),
  ),
  "clubs.requestToJoin": inClub(
    {
      public: outcomes({ CONFLICT: SIGNED_IN }),
      private: outcomes({ ok: ["outsider", "siteAdmin"], CONFLICT: CLUB_PEOPLE }),
    },
    (t, s) => t.clubs.requestToJoin.mutate({ clubId: s.club.id }),
  ),
  "clubs.cancelRequest": [
    personal(signedIn, { prepare: (s, actor) => ownJoinRequest(s, me(s, actor)) }, (t, _, requestId) =>
      t.clubs.cancelRequest.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), someoneElsesJoinRequest, (t, _, requestId) =>
      t.clubs.cancelRequest.mutate({ requestId }),
    ),
  ],
  "clubs.listRequests": inClub(clubAdmins, (t, s) => t.clubs.listRequests.query({ clubId: s.club.id })),
  "clubs.approveRequest": [
    inClub(clubAdmins, { prepare: joinRequest }, (t, s, requestId) =>
      t.clubs.approveRequest.mutate({ clubId: s.club.id, requestId }),
    ),
    inClub(outcomes({ NOT_FOUND: ["clubAdmin", "owner"] }), anotherClub, (t, s, other) =>
      t.clubs.approveRequest.mutate({ clubId: s.club.id, requestId: other.requestId }),
    ),
  ],
  "clubs.declineRequest": [
    inClub(clubAdmins, { prepare: joinRequest }, (t, s, requestId) =>
      t.clubs.declineRequest.mutate({ clubId: s.club.id, requestId }),
    ),
    inClub(outcomes({ NOT_FOUND: ["clubAdmin", "owner"] }), anotherClub, (t, s, other) =>
      t.clubs.declineRequest.mutate({ clubId: s.club.id, requestId: other.requestId }),
    ),
  ],
  "clubs.invite": inClub(clubAdmins, (t, s) =>
    t.clubs.invite.mutate({ clubId: s.club.id, username: s.people.stranger.username }),
  ),
  "clubs.myInvites": personal(signedIn, (t) => t.clubs.myInvites.query({})),
  "clubs.acceptInvite": [
    personal(signedIn, { prepare: (s, actor) => invitation(s, me(s, actor)) }, (t, _, requestId) =>
      t.clubs.acceptInvite.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), someoneElsesInvitation, (t, _, requestId) =>
      t.clubs.acceptInvite.mutate({ requestId }),
    ),
  ],
  "clubs.declineInvite": [
    personal(signedIn, { prepare: (s, actor) => invitation(s, me(s, actor)) }, (t, _, requestId) =>
      t.clubs.declineInvite.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), someoneElsesInvitation, (t, _, requestId) =>
      t.clubs.declineInvite.mutate({ requestId }),
    ),
  ],
  "clubs.leave": inClub(outcomes({ ok: ["member", "clubAdmin"], CONFLICT: ["owner"] }), (t, s) =>
    t.clubs.leave.mutate({ clubId: s.club.id }),
  ),
  "clubs.removeMember": [
    inClub(clubAdmins, (t, s) => t.clubs.removeMember.mutate({ clubId: s.club.id, userId: s.people.member.id })),
    inClub(outcomes({ NOT_FOUND: ["clubAdmin", "owner"] }), anotherClubsMember, (t, s, other) =>
      t.clubs.removeMember.mutate({ clubId: s.club.id, userId: other.memberId }),
    ),
  ],
  "clubs.setRole": [
    inClub(clubOwner, (t, s) =>
      t.clubs.setRole.mutate({ clubId: s.club.id, userId: s.people.member.id, role: "admin" }),
    ),
    inClub(outcomes({ NOT_FOUND: ["owner"] }), anotherClubsMember, (t, s, other) =>
      t.clubs.setRole.mutate({ clubId: s.club.id, userId: other.memberId, role: "admin" }),
    ),
  ],
  "clubs.transferOwnership": [
    inClub(clubOwner, (t, s) => t.clubs.transferOwnership.mutate({ clubId: s.club.id, userId: s.people.member.id })),
    inClub(outcomes({ NOT_FOUND: ["owner"] }), anotherClubsMember, (t, s, other) =>
      t.clubs.transferOwnership.mutate({ clubId: s.club.id, userId: other.memberId }),
    ),
  ],
  "clubs.members": inClub(content, (t, s) => t.clubs.members.query({ clubId: s.club.id })),

  "discussions.threads": inClub(content, (t, s) => t.discussions.threads.query({ clubId: s.club.id })),
  "discussions.thread": inClub(content, someThread, (t, s, threadId) =>
    t.discussions.thread.query({ clubId: s.club.id, threadId }),
  ),
  "discussions.comments": inClub(content, someThread, (t, s, threadId) =>
    t.discussions.comments.query({ clubId: s.club.id, threadId }),
  ),
  "discussions.reveal": inClub(content, someThread, (t, s, id) =>
    t.discussions.reveal.query({ clubId: s.club.id, kind: "thread", id }),
  ),
  "discussions.markRead": inClub(content, someThread, (t, s, threadId) =>
    t.discussions.markRead.mutate({ clubId: s.club.id, threadId }),
  ),
  "discussions.createThread": inClub(clubMembersOnly, (t, s) =>
    t.discussions.createThread.mutate({ clubId: s.club.id, meetingId: s.meetingId, title: "Chapter 2", body: "Hm" }),
  ),
  "discussions.editThread": [
    inClub(clubMembersOnly, ownThread, (t, s, threadId) =>
      t.discussions.editThread.mutate({ clubId: s.club.id, threadId, changes: { body: "Edited" } }),
    ),
    inClub(nobody, someoneElsesThread, (t, s, threadId) =>
      t.discussions.editThread.mutate({ clubId: s.club.id, threadId, changes: { body: "Edited" } }),
    ),
  ],
  "discussions.deleteThread": [
    inClub(clubMembersOnly, ownThread, (t, s, threadId) =>
      t.discussions.deleteThread.mutate({ clubId: s.club.id, threadId }),
    ),
    inClub(clubAdmins, someoneElsesThread, (t, s, threadId) =>
      t.discussions.deleteThread.mutate({ clubId: s.club.id, threadId }),
    ),
  ],
  "discussions.pin": inClub(clubAdmins, someThread, (t, s, threadId) =>
    t.discussions.pin.mutate({ clubId: s.club.id, threadId, pinned: true }),
  ),
  "discussions.lock": inClub(clubAdmins, someThread, (t, s, threadId) =>
    t.discussions.lock.mutate({ clubId: s.club.id, threadId, locked: true }),
  ),
  "discussions.comment": inClub(clubMembersOnly, someThread, (t, s, threadId) =>
    t.discussions.comment.mutate({ clubId: s.club.id, threadId, body: "Me too" }),
  ),
  "discussions.editComment": [
    inClub(clubMembersOnly, ownComment, (t, s, commentId) =>
      t.discussions.editComment.mutate({ clubId: s.club.id, commentId, changes: { body: "Edited" } }),
    ),
    inClub(nobody, someoneElsesComment, (t, s, commentId) =>
      t.discussions.editComment.mutate({ clubId: s.club.id, commentId, changes: { body: "Edited" } }),
    ),
  ],
  "discussions.deleteComment": [
    inClub(clubMembersOnly, ownComment, (t, s, commentId) =>
      t.discussions.deleteComment.mutate({ clubId: s.club.id, commentId }),
    ),
    inClub(clubAdmins, someoneElsesComment, (t, s, commentId) =>
      t.discussions.deleteComment.mutate({ clubId: s.club.id, commentId }),
    ),
  ],
  "discussions.report": inClub(clubMembersOnly, someThread, (t, s, id) =>
    t.discussions.report.mutate({ clubId: s.club.id, target: { kind: "thread", id }, reason: "spam" }),
  ),
  "discussions.preview": personal(signedIn, (t) => t.discussions.preview.mutate({ body: "**hi**" })),

  "meetings.create": inClub(clubAdmins, (t, s) =>
    t.meetings.create.mutate({
      clubId: s.club.id,
      bookId: s.book.id,
      startsAt: inDays(10),
      place: "Cafe",
    }),
  ),
  "meetings.get": inClub(content, (t, s) => t.meetings.get.query({ meetingId: s.meetingId })),
  "meetings.listForClub": inClub(content, (t, s) => t.meetings.listForClub.query({ clubId: s.club.id })),
  "meetings.update": inClub(clubAdmins, (t, s) =>
    t.meetings.update.mutate({ meetingId: s.meetingId, changes: { place: "The park" } }),
  ),
  "meetings.start": inClub(clubAdmins, (t, s) => t.meetings.start.mutate({ meetingId: s.meetingId })),
  "meetings.close": inClub(clubAdmins, { prepare: startMeeting }, (t, s) =>
    t.meetings.close.mutate({ meetingId: s.meetingId }),
  ),
  "meetings.cancel": inClub(clubAdmins, (t, s) => t.meetings.cancel.mutate({ meetingId: s.meetingId })),
  "meetings.rsvp": inClub(clubMembersOnly, (t, s) =>
    t.meetings.rsvp.mutate({ meetingId: s.meetingId, status: "interested" }),
  ),
  "meetings.recordAttendance": [
    inClub(clubAdmins, { prepare: startMeeting }, (t, s) =>
      t.meetings.recordAttendance.mutate({
        meetingId: s.meetingId,
        attendance: [{ userId: s.people.member.id, attended: true }],
      }),
    ),
    inClub(outcomes({ BAD_REQUEST: ["clubAdmin", "owner"] }), startedWithAnotherClub, (t, s, other) =>
      t.meetings.recordAttendance.mutate({
        meetingId: s.meetingId,
        attendance: [{ userId: other.memberId, attended: true }],
      }),
    ),
  ],
  "meetings.myCalendar": personal(signedIn, (t) => t.meetings.myCalendar.query({ from: inDays(0), to: inDays(30) })),

  "progress.update": inClub(clubMembersOnly, (t, s) =>
    t.progress.update.mutate({ meetingId: s.meetingId, page: 20, expectedVersion: 1 }),
  ),
  "progress.setRacing": inClub(clubMembersOnly, (t, s) =>
    t.progress.setRacing.mutate({ meetingId: s.meetingId, racing: false }),
  ),
  "progress.get": inClub(content, (t, s) => t.progress.get.query({ meetingId: s.meetingId })),
  "progress.forMeeting": inClub(content, (t, s) => t.progress.forMeeting.query({ meetingId: s.meetingId })),
  "progress.history": inClub(content, (t, s) => t.progress.history.query({ meetingId: s.meetingId })),

  "friends.request": personal(signedIn, (t, s) => t.friends.request.mutate({ username: s.people.stranger.username })),
  "friends.accept": [
    personal(
      signedIn,
      { prepare: (s, actor) => friendRequest(s, s.people.stranger, me(s, actor)) },
      (t, _, requestId) => t.friends.accept.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), requestBetweenOthers("a request to someone else"), (t, _, requestId) =>
      t.friends.accept.mutate({ requestId }),
    ),
  ],
  "friends.decline": [
    personal(
      signedIn,
      { prepare: (s, actor) => friendRequest(s, s.people.stranger, me(s, actor)) },
      (t, _, requestId) => t.friends.decline.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), requestBetweenOthers("a request to someone else"), (t, _, requestId) =>
      t.friends.decline.mutate({ requestId }),
    ),
  ],
  "friends.cancel": [
    personal(
      signedIn,
      { prepare: (s, actor) => friendRequest(s, me(s, actor), s.people.stranger) },
      (t, _, requestId) => t.friends.cancel.mutate({ requestId }),
    ),
    personal(outcomes({ NOT_FOUND: SIGNED_IN }), requestBetweenOthers("someone else's request"), (t, _, requestId) =>
      t.friends.cancel.mutate({ requestId }),
    ),
  ],
  "friends.remove": [
    personal(signedIn, { prepare: (s, actor) => friendship(s, me(s, actor), s.people.stranger) }, (t, s) =>
      t.friends.remove.mutate({ userId: s.people.stranger.id }),
    ),
    personal(
      outcomes({ NOT_FOUND: SIGNED_IN }),
      {
        label: "two other members' friendship",
        prepare: async (s) => friendship(s, s.people.stranger, await s.newPerson()),
      },
      (t, s) => t.friends.remove.mutate({ userId: s.people.stranger.id }),
    ),
  ],
  "friends.list": personal(signedIn, (t) => t.friends.list.query({})),
  "friends.requests": personal(signedIn, (t) => t.friends.requests.query({})),
  "friends.activity": personal(signedIn, (t) => t.friends.activity.query({})),

  "notifications.list": personal(signedIn, (t) => t.notifications.list.query({})),
  "notifications.unreadCount": personal(signedIn, (t) => t.notifications.unreadCount.query()),
  "notifications.markRead": personal(signedIn, (t) => t.notifications.markRead.mutate({ all: true })),
  "notifications.preferences": personal(signedIn, (t) => t.notifications.preferences.query()),
  "notifications.setPreference": personal(signedIn, (t) =>
    t.notifications.setPreference.mutate({ kind: "reply", delivery: "email_digest" }),
  ),
  "apiTokens.create": personal(signedIn, (t) => t.apiTokens.create.mutate({ name: "script", scopes: ["read"] })),
  "apiTokens.list": personal(signedIn, (t) => t.apiTokens.list.query({})),
  "apiTokens.revoke": [
    personal(signedIn, { prepare: (s, actor) => tokenOf(s, me(s, actor)) }, (t, _, tokenId) =>
      t.apiTokens.revoke.mutate({ tokenId }),
    ),
    personal(
      outcomes({ NOT_FOUND: SIGNED_IN }),
      { label: "someone else's token", prepare: (s) => tokenOf(s, s.people.stranger) },
      (t, _, tokenId) => t.apiTokens.revoke.mutate({ tokenId }),
    ),
  ],
  "notifications.streamTicket": personal(signedIn, (t) => t.notifications.streamTicket.mutate()),
  "notifications.live": personal(signedIn, (t, s) => liveStreamStarts(s.url, t)),

  "calendar.createFeed": personal(signedIn, (t) => t.calendar.createFeed.mutate()),
  "calendar.revokeFeed": personal(signedIn, (t) => t.calendar.revokeFeed.mutate()),

  "bets.place": [
    inClub(clubMembersOnly, (t, s) =>
      t.bets.place.mutate({ meetingId: s.meetingId, horseId: s.people.member.id, stake: 10 }),
    ),
    inClub(outcomes({ BAD_REQUEST: CLUB_PEOPLE }), anotherClubsMember, (t, s, other) =>
      t.bets.place.mutate({ meetingId: s.meetingId, horseId: other.memberId, stake: 10 }),
    ),
  ],
  "bets.cancel": [
    personal(signedIn, { prepare: (s, actor) => betBy(s, me(s, actor)) }, (t, _, betId) =>
      t.bets.cancel.mutate({ betId }),
    ),
    personal(
      outcomes({ NOT_FOUND: SIGNED_IN }),
      { label: "someone else's bet", prepare: (s) => betBy(s, s.people.stranger) },
      (t, _, betId) => t.bets.cancel.mutate({ betId }),
    ),
  ],
  "bets.forMeeting": inClub(content, (t, s) => t.bets.forMeeting.query({ meetingId: s.meetingId })),
  "bets.mine": personal(signedIn, (t) => t.bets.mine.query({})),

  "points.balance": personal(signedIn, (t) => t.points.balance.query()),
  "points.ledger": personal(signedIn, (t) => t.points.ledger.query({})),

  "leaderboards.users": [
    personal(signedIn, (t) => t.leaderboards.users.query({ scope: "global" })),
    personal(signedIn, { label: "friends" }, (t) => t.leaderboards.users.query({ scope: "friends" })),
    inClub(content, { label: "the club's" }, (t, s) =>
      t.leaderboards.users.query({ scope: "club", clubId: s.club.id }),
    ),
  ],
  "leaderboards.clubs": personal(signedIn, (t) => t.leaderboards.clubs.query({})),

  ...reviewsRows(),
  ...shelvesRows(),
  ...tradesRows(),
  ...importsRows(),
  ...pollsRows(),
  ...schedulesRows(),
  ...datePollsRows(),
  ...moderationRows(),
  ...webhooksRows(),
};
