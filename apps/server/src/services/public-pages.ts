import {
  and,
  books,
  type Club,
  clubs,
  type Executor,
  eq,
  gt,
  inArray,
  isNull,
  type Meeting,
  meetings,
  sql,
} from "@booky/db";
import type { getClubInput, publicClubListInput, publicClubsInput } from "@booky/domain";
import type { z } from "zod";
import { forbidden, notFound } from "../errors.js";
import { getBook } from "./books/books.js";
import { clubSummaryColumns, clubsMatching } from "./clubs.js";
import { definePager, pageRows } from "./pagination.js";
import { meetingStandings } from "./progress.js";

/**
 * What Booky shows people who are not signed in: the club directory, a
 * public club's page (about, meetings to come, member count, the race's
 * standings), book pages. A private club shows its name and description only,
 * as `clubs.get` shows it to outsiders; no meeting link, bet or member list
 * of any club is ever here.
 */
// A public club's facts are what members see on its page; a private one's are cut down by `publicView`.
const clubColumns = clubSummaryColumns;

type ClubRow = Pick<Club, keyof typeof clubColumns>;

/** A private club as anyone outside it sees it: its name and description. */
function publicView<T extends ClubRow>(row: T) {
  if (row.visibility === "public") return { access: "full" as const, ...row };
  const { id, slug, name, description, visibility } = row;
  return { access: "limited" as const, id, slug, name, description, visibility };
}

const directoryPager = definePager({ list: "public.clubs", order: "asc", key: "text" });
const directorySort = { key: clubs.name, id: clubs.id };

/** Every club that is not archived, by name; private ones by name and description only. */
export async function publicClubDirectory(db: Executor, input: z.output<typeof publicClubsInput>) {
  const rows = await pageRows(
    db.select(clubColumns).from(clubs).$dynamic(),
    directoryPager,
    directorySort,
    input,
    and(
      isNull(clubs.archivedAt),
      clubsMatching(input.search),
      // A category is a public club's detail: filtering by it lists public clubs only.
      input.category ? and(eq(clubs.category, input.category), eq(clubs.visibility, "public")) : undefined,
    ),
  );
  const page = directoryPager.page(rows, input.limit, (row) => ({ key: row.name, id: row.id }));
  return { ...page, items: page.items.map(publicView) };
}

/** How many meetings to come and race readers a public page shows first; `public.clubMeetings` / `public.clubRace` page on. */
const FIRST_PAGE = 5;
const FIRST_RACE_PAGE = 20;

const upcomingPager = definePager({ list: "public.clubMeetings", order: "asc", key: "timestamp" });
const upcomingSort = { key: meetings.startsAt, id: meetings.id };
const upcomingOf = (clubId: string) =>
  and(
    eq(meetings.clubId, clubId),
    inArray(meetings.status, ["scheduled", "active"]),
    gt(meetings.startsAt, sql`now()`),
  );

async function clubNamed(db: Executor, input: z.output<typeof getClubInput>) {
  const [club] = await db
    .select(clubColumns)
    .from(clubs)
    .where(and("slug" in input ? eq(clubs.slug, input.slug) : eq(clubs.id, input.clubId), isNull(clubs.archivedAt)));
  if (!club) throw notFound("No such club");
  return publicView(club);
}

/** A public club, for one of its lists; a private club's lists are for its members (`meetings.listForClub`). */
async function publicClubOnly(db: Executor, clubId: string) {
  const view = await clubNamed(db, { clubId });
  if (view.access === "limited") throw forbidden("This club is private: its meetings are for its members");
  return view;
}

/** A public club's meetings to come, soonest first, a page at a time. */
async function upcomingPage(db: Executor, clubId: string, page: { cursor?: string | null; limit: number }) {
  const rows = await pageRows(
    db
      .select({
        meeting: meetings,
        book: { id: books.id, title: books.title, authors: books.authors, coverUrl: books.coverUrl },
      })
      .from(meetings)
      .innerJoin(books, eq(books.id, meetings.bookId))
      .$dynamic(),
    upcomingPager,
    upcomingSort,
    page,
    upcomingOf(clubId),
  );
  const result = upcomingPager.page(rows, page.limit, (row) => ({ key: row.meeting.startsAt, id: row.meeting.id }));
  return {
    nextCursor: result.nextCursor,
    items: result.items.map(({ meeting, book }) => ({
      id: meeting.id,
      startsAt: meeting.startsAt,
      readingDeadline: meeting.readingDeadline,
      timeZone: meeting.timeZone,
      // An online meeting's link is for members; the place of a club that meets somewhere is on its page anyway.
      place: meeting.place,
      online: meeting.link !== null,
      bookPageCount: meeting.bookPageCount,
      book,
    })),
    next: result.items[0] ?? null,
  };
}

/** The race of a club's next meeting: who reads, how far, who finished (never bets or stakes), a page at a time. */
async function racePage(
  db: Executor,
  next: { meeting: Meeting; book: { id: string; title: string } } | null,
  page: { cursor?: string | null; limit: number },
) {
  if (!next) return null;
  const race = await meetingStandings(db, null, next.meeting, page);
  return {
    meetingId: next.meeting.id,
    book: next.book,
    readingDeadline: next.meeting.readingDeadline,
    nextCursor: race.nextCursor,
    readers: race.items.map((row) => ({
      user: { username: row.user.username, displayName: row.user.displayName, avatarUrl: row.user.avatarUrl },
      percent: row.percent,
      finished: row.finished,
      revealed: row.revealed,
    })),
  };
}

/** A club's public page: everything a visitor may read of a public club, the name and description of a private one. */
export async function publicClubPage(db: Executor, input: z.output<typeof getClubInput>) {
  const view = await clubNamed(db, input);
  if (view.access === "limited") return view;
  const { next, items, nextCursor } = await upcomingPage(db, view.id, { limit: FIRST_PAGE });
  return {
    ...view,
    upcoming: items,
    /** More meetings to come: `public.clubMeetings` with this cursor (null: that was all). */
    upcomingNextCursor: nextCursor,
    race: await racePage(db, next, { limit: FIRST_RACE_PAGE }),
  };
}

/** More of a public club's meetings to come (the page's `upcoming.nextCursor`). */
export async function publicClubMeetings(db: Executor, input: z.output<typeof publicClubListInput>) {
  await publicClubOnly(db, input.clubId);
  const { next: _first, ...page } = await upcomingPage(db, input.clubId, input);
  return page;
}

/** More readers of a public club's race (the page's `race.nextCursor`). */
export async function publicClubRace(db: Executor, input: z.output<typeof publicClubListInput>) {
  await publicClubOnly(db, input.clubId);
  const { next } = await upcomingPage(db, input.clubId, { limit: 1 });
  return racePage(db, next, input);
}

/** A catalog book, and how many public clubs meet (or met) about it. */
export async function publicBookPage(db: Executor, bookId: string) {
  const book = await getBook(db, bookId);
  const [row] = await db
    .select({ clubs: sql<number>`count(distinct ${clubs.id})::int` })
    .from(clubs)
    .innerJoin(meetings, eq(meetings.clubId, clubs.id))
    .where(and(eq(meetings.bookId, bookId), eq(clubs.visibility, "public"), isNull(clubs.archivedAt)));
  return { ...book, publicClubs: row?.clubs ?? 0 };
}
