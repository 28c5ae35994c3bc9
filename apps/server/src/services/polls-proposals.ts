import { and, bookProposals, books, type Club, type Database, type Executor, eq, inArray, users } from "@booky/db";
import type { listProposalsInput } from "@booky/domain";
import type { z } from "zod";
import { conflict, fieldError } from "../errors.js";
import { renderMarkdown } from "./markdown.js";
import { definePager, pageRows } from "./pagination.js";

/** Who acts on a club's reading life: the builder's club and the caller. */
export interface ClubCaller {
  club: Pick<Club, "id" | "archivedAt">;
  userId: string;
}

export function requireActiveClub(club: ClubCaller["club"]) {
  if (club.archivedAt) throw conflict("This club is archived");
}

export const bookColumns = {
  id: books.id,
  title: books.title,
  authors: books.authors,
  coverUrl: books.coverUrl,
  pageCount: books.pageCount,
};
const proposerColumns = { id: users.id, username: users.username, displayName: users.displayName };

const proposalsPager = definePager({ list: "polls.proposals", order: "desc", key: "timestamp" });

/** Proposes a catalog book for the club's next read, once per club. */
export async function proposeBook(db: Database, caller: ClubCaller, input: { bookId: string; pitch: string }) {
  requireActiveClub(caller.club);
  const [book] = await db.select({ id: books.id }).from(books).where(eq(books.id, input.bookId));
  if (!book) throw fieldError("bookId", "No such book in the catalog");
  const [proposal] = await db
    .insert(bookProposals)
    .values({
      clubId: caller.club.id,
      bookId: input.bookId,
      proposedBy: caller.userId,
      pitch: input.pitch,
      pitchHtml: renderMarkdown(input.pitch),
    })
    .returning();
  if (!proposal) throw new Error("proposal insert returned nothing");
  return proposal;
}

/** A club's proposals, newest first, each with its book and proposer; the pitch as sanitized HTML. */
export async function listProposals(db: Executor, clubId: string, input: z.output<typeof listProposalsInput>) {
  const rows = await pageRows(
    db
      .select({
        id: bookProposals.id,
        pitchHtml: bookProposals.pitchHtml,
        createdAt: bookProposals.createdAt,
        book: bookColumns,
        proposer: proposerColumns,
      })
      .from(bookProposals)
      .innerJoin(books, eq(books.id, bookProposals.bookId))
      .innerJoin(users, eq(users.id, bookProposals.proposedBy))
      .$dynamic(),
    proposalsPager,
    { key: bookProposals.createdAt, id: bookProposals.id },
    input,
    eq(bookProposals.clubId, clubId),
  );
  return proposalsPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/** The club's proposals among `ids`, in the order given; BAD_REQUEST on `proposalIds` if any is not the club's. */
export async function proposalsOfClub(db: Executor, clubId: string, ids: string[]) {
  const rows = await db
    .select({ id: bookProposals.id })
    .from(bookProposals)
    .where(and(eq(bookProposals.clubId, clubId), inArray(bookProposals.id, ids)));
  const known = new Set(rows.map((row) => row.id));
  if (!ids.every((id) => known.has(id))) throw fieldError("proposalIds", "Pick proposals made in this club");
  return ids;
}
