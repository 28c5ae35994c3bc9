import { and, books, clubs, type Executor, eq, meetings, sql } from "@booky/db";
import { type bookClubsInput, type importBookInput, parseBookQuery, type searchBooksInput } from "@booky/domain";
import type { z } from "zod";
import type { AppDeps } from "../../context.js";
import { AppError, notFound, unavailable } from "../../errors.js";
import { definePager, listOfCursor, pageRows } from "../pagination.js";
import { clubVisibleTo } from "../visibility.js";
import { REMOTE_PAGE_SIZE, type RemoteSearch } from "./book-metadata.js";
import { catalogSearchPager, hasTrigramSearch, importVolume, searchCatalog, volumesInCatalog } from "./catalog.js";
import { GoogleBooksUnavailable } from "./google-books-client.js";
import type { CatalogVolume } from "./google-volume.js";

/** What the book services use: the catalog, Google Books behind its cache, the rate limits. */
export type BookDeps = Pick<AppDeps, "db" | "bookMetadata" | "rateLimits">;

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
async function remoteItems(deps: BookDeps, query: string, startIndex: number, wanted: number) {
  const pageStart = Math.floor(startIndex / REMOTE_PAGE_SIZE) * REMOTE_PAGE_SIZE;
  const remote: RemoteSearch = await deps.bookMetadata.search(query, pageStart);
  if (remote.status !== "ok") return { status: remote.status, items: [], next: null };
  const slice = remote.page.volumes.slice(startIndex - pageStart, startIndex - pageStart + wanted);
  const known = await volumesInCatalog(deps.db, slice);
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

/** A catalog book, whole. */
export async function getBook(db: Executor, bookId: string) {
  const [book] = await db
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
  if (!book) throw notFound("No such book in the catalog");
  return book;
}

function googleUnavailable(error: unknown): never {
  if (error instanceof GoogleBooksUnavailable) {
    throw unavailable(
      "Google Books cannot be reached right now; pick a book from the catalog or try again later",
      error,
    );
  }
  throw error;
}

/**
 * Catalog matches first, best first; once they run out, Google Books volumes
 * the catalog does not have yet (`source: "google"`, add them with
 * `importBook`). `remote` says whether Google answered ("ok"), could not
 * ("unavailable": the page is catalog-only) or is switched off ("disabled").
 */
export async function searchBooks(
  deps: BookDeps,
  caller: { userId: string; ip: string },
  input: z.output<typeof searchBooksInput>,
) {
  await deps.rateLimits.consume("bookSearchPerIp", caller.ip);
  await deps.rateLimits.consume("bookSearchPerUser", caller.userId);
  const query = parseBookQuery(input.query);
  if (!query) throw new AppError("invalid", "Not a valid ISBN-10 or ISBN-13");
  const remoteQuery = query.kind === "isbn" ? `isbn:${query.isbn13}` : query.text;
  const onGoogle = listOfCursor(input.cursor) === googleSearchPager.list;
  let items: SearchItem[] = [];
  let nextCursor: string | null = null;
  let remote: "ok" | "unavailable" | "disabled" | "not-asked" = "not-asked";
  let startIndex = onGoogle ? Number(googleSearchPager.decode(input.cursor)?.id ?? 0) : 0;

  if (!onGoogle) {
    const trigram = await hasTrigramSearch(deps.db);
    const rows = await searchCatalog(deps.db, query, input.cursor, input.limit, trigram);
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
    const found = await remoteItems(deps, remoteQuery, startIndex, room);
    remote = found.status;
    items = [...items, ...found.items];
    nextCursor = found.next === null ? null : googleSearchPager.encode({ key: null, id: String(found.next) });
  } else if (!nextCursor && deps.bookMetadata.enabled) {
    // The catalog filled this page exactly: Google's results start on the next one.
    nextCursor = googleSearchPager.encode({ key: null, id: "0" });
  }
  return { items, nextCursor, remote };
}

/** The catalog book's id for a column value (ISBN-13 or Google volume id), if the catalog has it. */
async function catalogIdBy(db: Executor, column: typeof books.isbn13 | typeof books.googleVolumeId, value: string) {
  const [row] = await db.select({ id: books.id }).from(books).where(eq(column, value));
  return row?.id ?? null;
}

export async function bookByIsbn(db: Executor, isbn: string) {
  const id = await catalogIdBy(db, books.isbn13, isbn);
  if (!id) throw notFound("No book with this ISBN in the catalog yet");
  return getBook(db, id);
}

/**
 * A Google volume (by id, or the one a search for the ISBN finds) as a
 * catalog book, from the volume's full page (a search's form may lack the
 * page count). Importing the same book again returns the same row
 * (`created: false`); a book the catalog already has by ISBN needs no call
 * to Google at all.
 */
export async function importBook(deps: Pick<BookDeps, "db" | "bookMetadata">, input: z.output<typeof importBookInput>) {
  const { db, bookMetadata } = deps;
  const known =
    "isbn" in input
      ? await catalogIdBy(db, books.isbn13, input.isbn)
      : await catalogIdBy(db, books.googleVolumeId, input.googleVolumeId);
  if (known) return { book: await getBook(db, known), created: false };

  let volume: CatalogVolume | null;
  if ("googleVolumeId" in input) {
    volume = await bookMetadata.volume(input.googleVolumeId).catch(googleUnavailable);
  } else {
    const found = await bookMetadata.search(`isbn:${input.isbn}`, 0);
    if (found.status === "disabled" || found.status === "unavailable") {
      googleUnavailable(new GoogleBooksUnavailable(found.status === "disabled" ? "disabled" : found.reason));
    }
    // Google's `isbn:` search may answer with a volume whose identifiers lack that ISBN (another
    // printing of the edition): what a search for the ISBN shows is what importing it takes.
    const match = found.page.volumes.find((candidate) => candidate.isbn13 === input.isbn) ?? found.page.volumes[0];
    const full = match ? await bookMetadata.volume(match.googleVolumeId).catch(googleUnavailable) : null;
    volume = full ?? match ?? null;
    if (volume && volume.isbn13 === null) volume = { ...volume, isbn13: input.isbn };
  }
  if (!volume) throw notFound("Google Books does not know this book");
  const { id, created } = await importVolume(db, volume);
  return { book: await getBook(db, id), created };
}

/** Clubs that have met (or will meet) about this book and that the user may see, by name. */
export async function clubsReading(db: Executor, userId: string, input: z.output<typeof bookClubsInput>) {
  await getBook(db, input.bookId);
  const lastMeetingAt = sql<Date>`max(${meetings.startsAt})`.mapWith(meetings.startsAt);
  const sort = { key: clubs.name, id: clubs.id };
  const rows = await pageRows(
    db
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
      .groupBy(clubs.id)
      .$dynamic(),
    clubsPager,
    sort,
    input,
    and(eq(meetings.bookId, input.bookId), clubVisibleTo(userId)),
  );
  return clubsPager.page(rows, input.limit, (row) => ({ key: row.name, id: row.id }));
}
