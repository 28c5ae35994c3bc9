import { and, books, clubs, type Database, eq, meetings, readingProgress, type Transaction } from "@booky/db";
import { createThread } from "../services/discussions.js";
import { createComment } from "../services/discussions-comments.js";

/**
 * The demo's talk: in the Thursday Classics Circle, a general thread and one
 * in the race under way whose comments carry spoilers up to each writer's
 * page (a reader behind them sees them hidden until they catch up).
 */
const CLUB = "thursday-classics-circle";
const RACE_BOOK = "9780060929879";

export async function buildDiscussions(tx: Transaction, idOf: (username: string) => string) {
  // createThread / createComment open a transaction of their own: inside this one, a savepoint.
  const db = tx as unknown as Database;
  const [club] = await tx.select({ id: clubs.id }).from(clubs).where(eq(clubs.slug, CLUB));
  if (!club) throw new Error(`demo club ${CLUB} is missing`);
  // The race under way (demo/plan.ts): Brave New World.
  const [race] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(books, eq(books.id, meetings.bookId))
    .where(and(eq(meetings.clubId, club.id), eq(books.isbn13, RACE_BOOK)));
  const as = (username: string, role: "owner" | "admin" | "member" = "member") => ({
    club: { id: club.id, archivedAt: null },
    userId: idOf(username),
    role,
  });

  const general = await createThread(db, as("chiara", "owner"), {
    title: "What should we read after this one?",
    body: "Put your pick below with one line on **why**. I'll make a poll from the top three.",
    meetingId: null,
    page: null,
  });
  await createComment(db, as("bruno"), {
    threadId: general.id,
    body: "Something short after this brick, please.",
    parentId: null,
    page: null,
  });
  await createComment(db, as("ada", "admin"), {
    threadId: general.id,
    body: "Seconding Bruno. A novella, and we can do two in a month.",
    parentId: null,
    page: null,
  });
  if (!race) return;
  // Each writer tags their text with the page they have reached, as the composer offers.
  const pageOf = async (username: string) => {
    const [row] = await tx
      .select({ page: readingProgress.page })
      .from(readingProgress)
      .where(and(eq(readingProgress.meetingId, race.id), eq(readingProgress.userId, idOf(username))));
    return row?.page ?? null;
  };
  const racing = await createThread(db, as("dev"), {
    title: "First impressions (spoilers to my page)",
    body: "The Hatchery tour at the start is colder than I remembered, and that is the point.",
    meetingId: race.id,
    page: await pageOf("dev"),
  });
  await createComment(db, as("chiara", "owner"), {
    threadId: racing.id,
    body: "Wait for the Reservation: the book turns there, and Bernard is never the same.",
    parentId: null,
    page: await pageOf("chiara"),
  });
  await createComment(db, as("elena"), {
    threadId: racing.id,
    body: "Still in London: I'll open the hidden comments once I catch up.",
    parentId: null,
    page: await pageOf("elena"),
  });
}
