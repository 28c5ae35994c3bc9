import {
  appendLedger,
  asc,
  bets,
  calendarFeeds,
  clubMembers,
  clubRequests,
  clubs,
  friendRequests,
  friendships,
  inArray,
  meetingRsvps,
  meetings,
  or,
  passwordResetTokens,
  pointBalances,
  pointLedger,
  readingProgress,
  readingProgressHistory,
  sessions,
  sql,
  users,
  webhooks,
} from "@booky/db";
import { isbn13CheckDigit, startingGrant } from "@booky/domain";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { REFRESH_COOKIE } from "../src/http/refresh-cookie.js";
import { hashPassword } from "../src/services/passwords.js";
import { openSession } from "../src/services/sessions.js";
import { createAccessTokens } from "../src/services/tokens.js";
import { moderationSnapshot } from "./authorization-snapshot-moderation.js";
import { reviewsSnapshot } from "./authorization-snapshot-reviews.js";
import { schedulesSnapshot } from "./authorization-snapshot-schedules.js";
import { shelvesSnapshot } from "./authorization-snapshot-shelves.js";
import { catalogBook } from "./catalog.js";
import type { TestClient, TestServer } from "./harness.js";

/** Who calls, as ARCHITECTURE lists them: each a different person in a fresh scene. */
export const ROLES = ["anonymous", "outsider", "member", "clubAdmin", "owner", "siteAdmin"] as const;
export type Role = (typeof ROLES)[number];
type Person = Exclude<Role, "anonymous"> | "stranger";

/** `ok`, `limited` (answered with a private club's public part only) or the tRPC error code. */
export type Outcome = "ok" | "limited" | TRPC_ERROR_CODE_KEY;
export type Expected = Record<Role, Outcome>;

/** What a call resolves to when the answer was a private club's public part only. */
export const LIMITED = Symbol("limited view");

export interface SceneUser {
  id: string;
  email: string;
  username: string;
}

/**
 * One call's world, made fresh so no call depends on another: a club (public
 * or private) with an owner, an admin and a member; a meeting they all attend
 * with some reading progress; an outsider, a site admin who belongs to no
 * club, and a stranger (no session) to be the other side of requests.
 */
export interface Scene {
  visibility: "public" | "private";
  people: Record<Person, SceneUser>;
  club: { id: string; name: string };
  meetingId: string;
  /** The catalog book the meeting reads, with its ISBN-13. */
  book: { id: string; isbn13: string };
  /** The scene's database, for what a row prepares before its call. */
  db: TestServer["db"];
  /** The server's base URL, for calls that are not plain tRPC requests (live streams). */
  url: string;
  /** Another person, made now (e.g. the other side of a friendship that is not the caller's). */
  newPerson(): Promise<SceneUser>;
  /** Another private club, of strangers to every role: one member, one pending join request. */
  otherClub(): Promise<{ id: string; hostId: string; memberId: string; requestId: string }>;
}

export const PASSWORD = "a passphrase for every fixture reader";

/** Builds scenes over a test server; actors get real sessions and access tokens from the server's own services. */
export async function createScenes(server: TestServer) {
  // One argon2 hash for everyone: sign-up is tested elsewhere, and hashing per person would take minutes here.
  const passwordHash = await hashPassword(PASSWORD);
  const accessTokens = createAccessTokens({
    secret: server.config.JWT_SECRET,
    issuer: server.config.JWT_ISSUER,
    audience: server.config.JWT_AUDIENCE,
    ttlSeconds: server.config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const owned = new WeakMap<Scene, { userIds: string[]; clubIds: string[] }>();
  let counter = 0;

  async function insertPeople<K extends string>(names: readonly K[], siteAdmins: readonly K[] = []) {
    const rows = await server.db
      .insert(users)
      .values(
        names.map((name) => {
          counter += 1;
          const tag = `${process.pid.toString(36)}x${counter}`;
          return {
            email: `${name.toLowerCase()}${tag}@matrix.example`,
            username: `${name.toLowerCase()}_${tag}`,
            displayName: `${name} ${counter}`,
            passwordHash,
            role: siteAdmins.includes(name) ? ("admin" as const) : ("user" as const),
          };
        }),
      )
      .returning({ id: users.id, email: users.email, username: users.username });
    // Everyone starts with the sign-up grant, as a real account does.
    await appendLedger(
      server.db,
      rows.map((row) => startingGrant(row.id)),
    );
    return Object.fromEntries(names.map((name, i) => [name, rows[i]])) as Record<K, SceneUser>;
  }

  /** A club with its owner's membership, in one transaction (the owner key is checked at commit). */
  async function insertClub(name: string, visibility: "public" | "private", ownerId: string, others: string[]) {
    return server.db.transaction(async (tx) => {
      const [club] = await tx
        .insert(clubs)
        .values({
          slug: name.toLowerCase().replaceAll(" ", "-"),
          name,
          category: "fiction",
          isOnline: true,
          visibility,
          ownerId,
          memberCount: 1 + others.length,
        })
        .returning({ id: clubs.id, name: clubs.name });
      if (!club) throw new Error("club insert returned nothing");
      await tx
        .insert(clubMembers)
        .values([
          { clubId: club.id, userId: ownerId, role: "owner" as const },
          ...others.map((userId) => ({ clubId: club.id, userId })),
        ]);
      return club;
    });
  }

  async function scene(visibility: "public" | "private"): Promise<Scene> {
    const people = await insertPeople(["owner", "clubAdmin", "member", "outsider", "siteAdmin", "stranger"] as const, [
      "siteAdmin",
    ]);
    const { owner, clubAdmin, member } = people;
    counter += 1;
    const club = await insertClub(`Matrix ${visibility} ${process.pid.toString(36)} ${counter}`, visibility, owner.id, [
      clubAdmin.id,
      member.id,
    ]);
    await server.db
      .update(clubMembers)
      .set({ role: "admin" })
      .where(sql`${clubMembers.clubId} = ${club.id} and ${clubMembers.userId} = ${clubAdmin.id}`);
    const first12 = `978${String(Date.now() % 1e6).padStart(6, "0")}${String(counter % 1000).padStart(3, "0")}`;
    const isbn13 = `${first12}${isbn13CheckDigit(first12)}`;
    const book = await catalogBook(server, { title: "The Name of the Rose", pageCount: 500, isbn13 });
    const [meeting] = await server.db
      .insert(meetings)
      .values({
        clubId: club.id,
        bookId: book.id,
        bookPageCount: 500,
        startsAt: sql`now() + interval '7 days'`,
        readingDeadline: sql`now() + interval '7 days'`,
        place: "Library",
        createdBy: owner.id,
      })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error("meeting insert returned nothing");
    const attendees = [owner.id, clubAdmin.id, member.id];
    await server.db
      .insert(meetingRsvps)
      .values(attendees.map((userId) => ({ meetingId: meeting.id, userId, status: "going" as const })));
    await server.db
      .insert(readingProgress)
      .values(attendees.map((userId) => ({ meetingId: meeting.id, userId, page: 10 })));
    await server.db
      .insert(readingProgressHistory)
      .values(attendees.map((userId) => ({ meetingId: meeting.id, userId, page: 10 })));

    const scope = { userIds: Object.values(people).map((person) => person.id), clubIds: [club.id] };
    const made: Scene = {
      visibility,
      people,
      club,
      meetingId: meeting.id,
      book: { id: book.id, isbn13 },
      db: server.db,
      url: server.url,
      async newPerson() {
        const { extra } = await insertPeople(["extra"] as const);
        scope.userIds.push(extra.id);
        return extra;
      },
      async otherClub() {
        const { host, regular, asker } = await insertPeople(["host", "regular", "asker"] as const);
        scope.userIds.push(host.id, regular.id, asker.id);
        counter += 1;
        const other = await insertClub(`Elsewhere ${process.pid.toString(36)} ${counter}`, "private", host.id, [
          regular.id,
        ]);
        scope.clubIds.push(other.id);
        const [request] = await server.db
          .insert(clubRequests)
          .values({ clubId: other.id, userId: asker.id, kind: "request" })
          .returning({ id: clubRequests.id });
        return { id: other.id, hostId: host.id, memberId: regular.id, requestId: request?.id ?? "" };
      },
    };
    owned.set(made, scope);
    return made;
  }

  /** A real client calling as `role`: a session opened as log-in would, its refresh cookie in the jar. */
  async function clientAs(scene: Scene, role: Role): Promise<{ client: TestClient; actor: SceneUser | null }> {
    const client = server.client();
    if (role === "anonymous") return { client, actor: null };
    const actor = scene.people[role];
    const session = await openSession(server.db, { userId: actor.id, userAgent: "matrix", ip: null, ttlDays: 1 });
    const { token } = await accessTokens.sign({
      userId: actor.id,
      sessionId: session.sessionId,
      role: role === "siteAdmin" ? "admin" : "user",
    });
    client.accessToken = token;
    client.cookies.set(REFRESH_COOKIE, session.refreshToken);
    return { client, actor };
  }

  /** Every row the scene's people and clubs have anywhere: what a refused call must leave as it was. */
  async function snapshot(scene: Scene) {
    const scope = owned.get(scene);
    if (!scope) throw new Error("not a scene of this fixture");
    const { userIds, clubIds } = scope;
    const clubMeetings = server.db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.clubId, clubIds));
    const ofMeetingsOrPeople = (table: typeof meetingRsvps | typeof readingProgress | typeof readingProgressHistory) =>
      or(inArray(table.meetingId, clubMeetings), inArray(table.userId, userIds));
    const db = server.db;
    return Promise.all([
      db.select().from(users).where(inArray(users.id, userIds)).orderBy(asc(users.id)),
      db.select().from(sessions).where(inArray(sessions.userId, userIds)).orderBy(asc(sessions.id)),
      db.select().from(passwordResetTokens).where(inArray(passwordResetTokens.userId, userIds)),
      db
        .select()
        .from(clubs)
        .where(or(inArray(clubs.id, clubIds), inArray(clubs.ownerId, userIds)))
        .orderBy(asc(clubs.id)),
      db
        .select()
        .from(clubMembers)
        .where(or(inArray(clubMembers.clubId, clubIds), inArray(clubMembers.userId, userIds)))
        .orderBy(asc(clubMembers.clubId), asc(clubMembers.userId)),
      db
        .select()
        .from(clubRequests)
        .where(or(inArray(clubRequests.clubId, clubIds), inArray(clubRequests.userId, userIds)))
        .orderBy(asc(clubRequests.id)),
      db.select().from(meetings).where(inArray(meetings.clubId, clubIds)).orderBy(asc(meetings.id)),
      db
        .select()
        .from(meetingRsvps)
        .where(ofMeetingsOrPeople(meetingRsvps))
        .orderBy(asc(meetingRsvps.meetingId), asc(meetingRsvps.userId)),
      db
        .select()
        .from(readingProgress)
        .where(ofMeetingsOrPeople(readingProgress))
        .orderBy(asc(readingProgress.meetingId), asc(readingProgress.userId)),
      db
        .select()
        .from(readingProgressHistory)
        .where(ofMeetingsOrPeople(readingProgressHistory))
        .orderBy(asc(readingProgressHistory.id)),
      db
        .select()
        .from(friendRequests)
        .where(or(inArray(friendRequests.fromUserId, userIds), inArray(friendRequests.toUserId, userIds)))
        .orderBy(asc(friendRequests.id)),
      db
        .select()
        .from(friendships)
        .where(or(inArray(friendships.userA, userIds), inArray(friendships.userB, userIds)))
        .orderBy(asc(friendships.userA), asc(friendships.userB)),
      db.select().from(calendarFeeds).where(inArray(calendarFeeds.userId, userIds)).orderBy(asc(calendarFeeds.id)),
      db
        .select()
        .from(bets)
        .where(or(inArray(bets.meetingId, clubMeetings), inArray(bets.userId, userIds)))
        .orderBy(asc(bets.id)),
      db.select().from(pointLedger).where(inArray(pointLedger.userId, userIds)).orderBy(asc(pointLedger.id)),
      db.select().from(pointBalances).where(inArray(pointBalances.userId, userIds)).orderBy(asc(pointBalances.userId)),
      ...reviewsSnapshot(db, userIds),
      ...shelvesSnapshot(db, userIds),
      ...moderationSnapshot(db, userIds, clubIds),
      ...schedulesSnapshot(db, userIds, clubIds),
      db.select().from(webhooks).where(inArray(webhooks.clubId, clubIds)).orderBy(asc(webhooks.id)),
    ]);
  }

  return { scene, clientAs, snapshot };
}
