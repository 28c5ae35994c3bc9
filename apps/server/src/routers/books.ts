import { and, books, clubMembers, clubs, eq, meetings, or, sql } from "@booky/db";
import {
  bookByIsbnInput,
  bookClubsInput,
  bookIdInput,
  importBookInput,
  parseBookQuery,
  searchBooksInput,
} from "@booky/domain";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { REMOTE_PAGE_SIZE, type RemoteSearch } from "../services/books/book-metadata.js";
import {
  catalogSearchPager,
  hasTrigramSearch,
  importVolume,
  searchCatalog,
  volumesInCatalog,
} from "../services/books/catalog.js";
import { GoogleBooksUnavailable } from "../services/books/google-books-client.js";
import type { CatalogVolume } from "../services/books/google-volume.js";
import { definePager, listOfCursor } from "../services/pagination.js";
import { authedProcedure, router } from "../trpc.js";

/** Search results: catalog books first (with their id), then Google volumes not yet in the catalog. */
type SearchItem = {
  source: "catalog" | "google";
  bookId: string | null;
  googleVolumeId: string | null;
  title: string;
  subtitle: string | null;
  authors: string[];
  coverUrl: string | null;
  pageCount: number | null;
  isbn13: string | null;
  publishedDate: string | null;
};

/** Search pages run through the catalog (keyset by rank) and then Google's results (by offset). */
const googleSearchPager = definePager({ list: "books.search.google", order: "asc", key: "none", id: "offset" });
const clubsPager = definePager({ list: "books.clubs", order: "asc", key: "text" });

const googleItem = (volume: CatalogVolume): SearchItem => ({
  source: "google",
  bookId: null,
  googleVolumeId: volume.googleVolumeId,
  title: volume.title,
  subtitle: volume.subtitle,
  authors: volume.authors,
  coverUrl: volume.coverUrl,
  pageCount: volume.pageCount,
  isbn13: volume.isbn13,
  publishedDate: volume.publishedDate,
});

/** Google's results are capped well before their `totalItems` estimate; so are ours. */
const MAX_REMOTE_RESULTS = 200;

/**
 * Up to `wanted` Google volumes from `startIndex` on that the catalog does not
 * have, read from the one cached Google page that holds `startIndex`.
 */
async function remoteItems(ctx: Context, query: string, startIndex: number, wanted: number) {
  const pageStart = Math.floor(startIndex / REMOTE_PAGE_SIZE) * REMOTE_PAGE_SIZE;
  const remote: RemoteSearch = await ctx.bookMetadata.search(query, pageStart);
  if (remote.status !== "ok") return { status: remote.status, items: [], next: null };
  const slice = remote.page.volumes.slice(startIndex - pageStart, startIndex - pageStart + wanted);
  const known = await volumesInCatalog(ctx.db, slice);
  const next = startIndex + slice.length;
  const more =
    slice.length > 0 &&
    next < Math.min(remote.page.totalItems, MAX_REMOTE_RESULTS) &&
    (next < pageStart + remote.page.volumes.length || remote.page.volumes.length === REMOTE_PAGE_SIZE);
  return {
    status: "ok" as const,
    items: slice.filter((volume) => !known.has(volume.googleVolumeId)).map(googleItem),
    next: more ? next : null,
  };
}

async function bookById(ctx: Context, bookId: string) {
  const [book] = await ctx.db
    .select({
      id: books.id,
      isbn13: books.isbn13,
      googleVolumeId: books.googleVolumeId,
      title: books.title,
      subtitle: books.subtitle,
      authors: books.authors,
      publisher: books.publisher,
      publishedDate: books.publishedDate,
      pageCount: books.pageCount,
      language: books.language,
      coverUrl: books.coverUrl,
      description: books.description,
      subjects: books.subjects,
      createdAt: books.createdAt,
    })
    .from(books)
    .where(eq(books.id, bookId));
  if (!book) throw new TRPCError({ code: "NOT_FOUND", message: "No such book in the catalog" });
  return book;
}

function unavailable(error: unknown): never {
  if (error instanceof GoogleBooksUnavailable) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "Google Books cannot be reached right now; pick a book from the catalog or try again later",
      cause: error,
    });
  }
  throw error;
}

export const booksRouter = router({
  /**
   * Catalog matches first, best first; once they run out, Google Books volumes
   * the catalog does not have yet (`source: "google"`, add them with
   * `books.import`). `remote` says whether Google answered ("ok"), could not
   * ("unavailable": the page is catalog-only) or is switched off ("disabled").
   */
  search: authedProcedure.input(searchBooksInput).query(async ({ ctx, input }) => {
    await ctx.rateLimits.consume("bookSearchPerIp", ctx.ip);
    await ctx.rateLimits.consume("bookSearchPerUser", ctx.user.id);
    const query = parseBookQuery(input.query);
    if (!query) throw new TRPCError({ code: "BAD_REQUEST", message: "Not a valid ISBN-10 or ISBN-13" });
    const remoteQuery = query.kind === "isbn" ? `isbn:${query.isbn13}` : query.text;
    const onGoogle = listOfCursor(input.cursor) === googleSearchPager.list;
    let items: SearchItem[] = [];
    let nextCursor: string | null = null;
    let remote: "ok" | "unavailable" | "disabled" | "not-asked" = "not-asked";
    let startIndex = onGoogle ? Number(googleSearchPager.decode(input.cursor)?.id ?? 0) : 0;

    if (!onGoogle) {
      const trigram = await hasTrigramSearch(ctx.db);
      const rows = await searchCatalog(ctx.db, query, input.cursor, input.limit, trigram);
      const page = catalogSearchPager.page(rows, input.limit, (row) => ({ key: row.rank, id: row.id }));
      items = page.items.map(({ rank: _rank, id, ...book }) => ({
        source: "catalog",
        bookId: id,
        googleVolumeId: null,
        ...book,
      }));
      nextCursor = page.nextCursor;
      startIndex = 0;
    }
    const room = input.limit - items.length;
    if (!nextCursor && room > 0) {
      const found = await remoteItems(ctx, remoteQuery, startIndex, room);
      remote = found.status;
      items = [...items, ...found.items];
      nextCursor = found.next === null ? null : googleSearchPager.encode({ key: null, id: String(found.next) });
    } else if (!nextCursor && ctx.bookMetadata.enabled) {
      // The catalog filled this page exactly: Google's results start on the next one.
      nextCursor = googleSearchPager.encode({ key: null, id: "0" });
    }
    return { items, nextCursor, remote };
  }),

  get: authedProcedure.input(bookIdInput).query(({ ctx, input }) => bookById(ctx, input.bookId)),

  byIsbn: authedProcedure.input(bookByIsbnInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select({ id: books.id }).from(books).where(eq(books.isbn13, input.isbn));
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No book with this ISBN in the catalog yet" });
    return bookById(ctx, row.id);
  }),

  /**
   * A Google volume (by id, or the first one Google finds for an ISBN) as a
   * catalog book. Importing the same book again returns the same row
   * (`created: false`); a book the catalog already has by ISBN needs no call
   * to Google at all.
   */
  import: authedProcedure.input(importBookInput).mutation(async ({ ctx, input }) => {
    if ("isbn" in input) {
      const [known] = await ctx.db.select({ id: books.id }).from(books).where(eq(books.isbn13, input.isbn));
      if (known) return { book: await bookById(ctx, known.id), created: false };
    }
    const [linked] =
      "googleVolumeId" in input
        ? await ctx.db.select({ id: books.id }).from(books).where(eq(books.googleVolumeId, input.googleVolumeId))
        : [];
    if (linked) return { book: await bookById(ctx, linked.id), created: false };

    let volume: CatalogVolume | null;
    if ("googleVolumeId" in input) {
      volume = await ctx.bookMetadata.volume(input.googleVolumeId).catch(unavailable);
    } else {
      const found = await ctx.bookMetadata.search(`isbn:${input.isbn}`, 0);
      if (found.status === "disabled" || found.status === "unavailable") {
        unavailable(new GoogleBooksUnavailable(found.status === "disabled" ? "disabled" : found.reason));
      }
      volume = found.page.volumes.find((candidate) => candidate.isbn13 === input.isbn) ?? null;
    }
    if (!volume) throw new TRPCError({ code: "NOT_FOUND", message: "Google Books does not know this book" });
    const { id, created } = await importVolume(ctx.db, volume);
    return { book: await bookById(ctx, id), created };
  }),

  /** Clubs that have met (or will meet) about this book and that the caller may see, by name. */
  clubs: authedProcedure.input(bookClubsInput).query(async ({ ctx, input }) => {
    await bookById(ctx, input.bookId);
    const lastMeetingAt = sql<Date>`max(${meetings.startsAt})`.mapWith(meetings.startsAt);
    const rows = await ctx.db
      .select({
        id: clubs.id,
        slug: clubs.slug,
        name: clubs.name,
        visibility: clubs.visibility,
        meetings: sql<number>`count(${meetings.id})::int`,
        lastMeetingAt,
      })
      .from(clubs)
      .innerJoin(meetings, eq(meetings.clubId, clubs.id))
      .leftJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, ctx.user.id)))
      .where(
        and(
          eq(meetings.bookId, input.bookId),
          or(eq(clubs.visibility, "public"), sql`${clubMembers.userId} is not null`),
          clubsPager.after(input.cursor, { key: clubs.name, id: clubs.id }),
        ),
      )
      .groupBy(clubs.id)
      .orderBy(...clubsPager.orderBy({ key: clubs.name, id: clubs.id }))
      .limit(input.limit + 1);
    return clubsPager.page(rows, input.limit, (row) => ({ key: row.name, id: row.id }));
  }),
});
