import { books, clubMembers, clubs, type Executor, inArray, meetings, type SQL, sql } from "@booky/db";
import {
  bookAffinities,
  type ClubCandidate,
  type ClubReason,
  type recommendationsInput,
  recommendClubs,
} from "@booky/domain";
import type { z } from "zod";
import { friendIdsOf } from "./friends.js";
import { definePager } from "./pagination.js";
import { bookColumns, byPosition, neighbourPicks, reasonFor, tasteOf, windowOf } from "./recommendations.js";

/** How far down the ranked list "clubs for you" pages. */
const RANKED_MAX = 100;

const pager = definePager({ list: "recommendations.clubsForMe", order: "asc", key: "none", id: "offset" });

/** Clubs the caller could join: public, not archived, a seat free, and not already theirs. */
const joinableBy = (userId: string): SQL =>
  sql`${clubs.visibility} = 'public' and ${clubs.archivedAt} is null and ${clubs.memberCount} < ${clubs.memberLimit}
    and not exists (select 1 from ${clubMembers} mine
      where mine.club_id = ${clubs.id} and mine.user_id = ${userId})`;

/**
 * The clubs whose meetings (not cancelled) read any of `bookIds`, with the
 * books, and the clubs the caller's friends belong to, with how many: by the
 * meetings' book index and the members' user index.
 */
async function candidatesFor(db: Executor, userId: string, bookIds: string[]): Promise<ClubCandidate[]> {
  const byClub = new Map<string, ClubCandidate>();
  const reading = bookIds.length
    ? await db
        .select({ clubId: meetings.clubId, bookIds: sql<string[]>`array_agg(distinct ${meetings.bookId})` })
        .from(meetings)
        .innerJoin(clubs, sql`${clubs.id} = ${meetings.clubId}`)
        .where(
          sql`${inArray(meetings.bookId, bookIds)} and ${meetings.status} <> 'cancelled' and ${joinableBy(userId)}`,
        )
        .groupBy(meetings.clubId)
    : [];
  for (const row of reading) byClub.set(row.clubId, { clubId: row.clubId, bookIds: row.bookIds, friends: 0 });
  const withFriends = await db
    .select({ clubId: clubMembers.clubId, friends: sql<number>`count(*)::int` })
    .from(clubMembers)
    .innerJoin(clubs, sql`${clubs.id} = ${clubMembers.clubId}`)
    .where(sql`${clubMembers.userId} in ${friendIdsOf(userId)} and ${joinableBy(userId)}`)
    .groupBy(clubMembers.clubId);
  for (const row of withFriends) {
    const club = byClub.get(row.clubId) ?? { clubId: row.clubId, bookIds: [], friends: 0 };
    byClub.set(row.clubId, { ...club, friends: row.friends });
  }
  return [...byClub.values()];
}

type Ranked = { clubId: string; reason: ClubReason | { kind: "popular" } };

/** Before any taste or friend: the biggest clubs the caller could join. */
async function popularClubs(db: Executor, userId: string): Promise<Ranked[]> {
  const rows = await db
    .select({ clubId: clubs.id })
    .from(clubs)
    .where(joinableBy(userId))
    .orderBy(sql`${clubs.memberCount} desc`, clubs.id)
    .limit(RANKED_MAX);
  return rows.map((row) => ({ clubId: row.clubId, reason: { kind: "popular" as const } }));
}

const clubColumns = {
  id: clubs.id,
  slug: clubs.slug,
  name: clubs.name,
  description: clubs.description,
  category: clubs.category,
  memberCount: clubs.memberCount,
};

/**
 * "Clubs for you": public clubs the caller could join, ranked by how close
 * the books their meetings read are to the caller's taste (their own liked
 * books, and those books' stored neighbours) and by how many of the
 * caller's friends belong; each with its reason: the book (and the
 * caller's rating or shelf it comes from) or the friends. Without either,
 * the biggest clubs.
 */
export async function clubsForMe(db: Executor, userId: string, input: z.output<typeof recommendationsInput>) {
  const { mine, shelved, exclude, seeds } = await tasteOf(db, userId);
  const affinity = bookAffinities(seeds, await neighbourPicks(db, seeds, exclude));
  const ranked: Ranked[] = recommendClubs(affinity, await candidatesFor(db, userId, [...affinity.keys()]), RANKED_MAX);
  if (ranked.length === 0) ranked.push(...(await popularClubs(db, userId)));

  const { offset, window } = windowOf(pager, ranked, input);
  const clubIds = window.map((item) => item.clubId);
  const bookIds = [
    ...new Set(
      window.flatMap((item) =>
        item.reason.kind === "book" ? [item.reason.bookId, item.reason.becauseOf ?? item.reason.bookId] : [],
      ),
    ),
  ];
  const found = clubIds.length ? await db.select(clubColumns).from(clubs).where(inArray(clubs.id, clubIds)) : [];
  const named = bookIds.length ? await db.select(bookColumns).from(books).where(inArray(books.id, bookIds)) : [];
  const clubOf = new Map(found.map((club) => [club.id, club]));
  const bookOf = new Map(named.map((book) => [book.id, book]));
  const ratingOf = new Map(mine.map((row) => [row.bookId, row.halves]));
  const shelfOf = new Map(shelved.map((row) => [row.bookId, row.status]));
  const reasonOf = (reason: Ranked["reason"]) => {
    if (reason.kind !== "book") return reason;
    const book = bookOf.get(reason.bookId);
    const yours = reason.becauseOf ?? reason.bookId;
    const taste = reasonFor({ bookId: reason.bookId, becauseOf: yours }, bookOf.get(yours), ratingOf, shelfOf);
    return book && taste.kind !== "subject" && taste.kind !== "popular" ? { kind: "book" as const, book, taste } : null;
  };
  const items = window.flatMap((item, index) => {
    const club = clubOf.get(item.clubId);
    const reason = reasonOf(item.reason);
    return club && reason ? [{ position: offset + index, club, reason }] : [];
  });
  return pager.page(items, input.limit, byPosition);
}
