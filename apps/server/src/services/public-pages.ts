import { and, asc, books, type Club, clubs, type Executor, eq, gt, inArray, isNull, meetings, sql } from "@booky/db";
import type { getClubInput, publicClubsInput } from "@booky/domain";
import type { z } from "zod";
import { notFound } from "../errors.js";
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

/** How many meetings to come a public page lists, and how many readers its race shows. */
const UPCOMING = 5;
const RACE_READERS = 20;

/** A club's public page: everything a visitor may read of a public club, the name and description of a private one. */
export async function publicClubPage(db: Executor, input: z.output<typeof getClubInput>) {
  const [club] = await db
    .select(clubColumns)
    .from(clubs)
    .where(and("slug" in input ? eq(clubs.slug, input.slug) : eq(clubs.id, input.clubId), isNull(clubs.archivedAt)));
  if (!club) throw notFound("No such club");
  const view = publicView(club);
  if (view.access === "limited") return view;

  const upcoming = await db
    .select({
      meeting: meetings,
      book: { id: books.id, title: books.title, authors: books.authors, coverUrl: books.coverUrl },
    })
    .from(meetings)
    .innerJoin(books, eq(books.id, meetings.bookId))
    .where(
      and(
        eq(meetings.clubId, club.id),
        inArray(meetings.status, ["scheduled", "active"]),
        gt(meetings.startsAt, sql`now()`),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(UPCOMING);
  // The race on the public page is the next meeting's: who reads, how far, who finished (never bets or stakes).
  const next = upcoming[0];
  const race = next ? await meetingStandings(db, next.meeting, { limit: RACE_READERS }) : null;
  return {
    ...view,
    upcoming: upcoming.map(({ meeting, book }) => ({
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
    race:
      next && race
        ? {
            meetingId: next.meeting.id,
            book: next.book,
            readingDeadline: next.meeting.readingDeadline,
            readers: race.items.map((row) => ({
              user: { username: row.user.username, displayName: row.user.displayName, avatarUrl: row.user.avatarUrl },
              percent: row.percent,
              finished: row.finished,
            })),
          }
        : null,
  };
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
