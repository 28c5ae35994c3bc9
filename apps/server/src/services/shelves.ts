import {
  and,
  asc,
  bookReads,
  books,
  count,
  type Database,
  desc,
  type Executor,
  eq,
  inArray,
  max,
  ratings,
  readerSettings,
  shelfBooks,
  shelfEntries,
  shelves,
  sql,
} from "@booky/db";
import {
  DEFAULT_STATUS_VISIBILITY,
  type ReadingStatus,
  readChangeFor,
  reorderProblem,
  SHELVES_PER_MEMBER_MAX,
  type ShelfVisibility,
  visibleShelfKinds,
} from "@booky/domain";
import { conflict, fieldError, notFound } from "../errors.js";
import { bookSummaryColumns, findBookSummary } from "./books/summary.js";
import { notifyFriends } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { shelfViewerOf } from "./shelves-relations.js";

type Page = { cursor?: string | null | undefined; limit: number };

const booksPager = definePager({ list: "shelves.books", order: "desc", key: "timestamp" });
const memberBooksPager = definePager({ list: "shelves.memberBooks", order: "desc", key: "timestamp" });
const myShelvesPager = definePager({ list: "shelves.mine", order: "asc", key: "int" });
const memberShelvesPager = definePager({ list: "shelves.ofMember", order: "asc", key: "int" });
const shelfBooksPager = definePager({ list: "shelves.shelfBooks", order: "desc", key: "timestamp" });
const entrySort = { key: shelfEntries.updatedAt, id: shelfEntries.id };
const shelfSort = { key: shelves.position, id: shelves.id };
const shelfBookSort = { key: shelfBooks.addedAt, id: shelfBooks.bookId };

const readColumns = {
  id: bookReads.id,
  startedOn: bookReads.startedOn,
  finishedOn: bookReads.finishedOn,
  outcome: bookReads.outcome,
};
const shelfColumns = { id: shelves.id, name: shelves.name, visibility: shelves.visibility, position: shelves.position };
const entryColumns = {
  id: shelfEntries.id,
  status: shelfEntries.status,
  /** The member's rating of the book (half stars), from the reviews domain: one index lookup per row. */
  rating: sql<number | null>`(select ${ratings.halves} from ${ratings}
    where ${ratings.userId} = ${shelfEntries.userId} and ${ratings.bookId} = ${shelfEntries.bookId})`,
  updatedAt: shelfEntries.updatedAt,
  book: bookSummaryColumns,
};

const today = () => new Date().toISOString().slice(0, 10);

async function requireBook(db: Executor, bookId: string) {
  const book = await findBookSummary(db, bookId);
  if (!book) throw notFound("No such book in the catalog");
  return book;
}

function readsOf(db: Executor, userId: string, bookId: string) {
  return db
    .select(readColumns)
    .from(bookReads)
    .where(and(eq(bookReads.userId, userId), eq(bookReads.bookId, bookId)))
    .orderBy(desc(bookReads.createdAt), desc(bookReads.id));
}

/**
 * Puts a book on one of the status shelves and keeps its read-throughs in
 * step (`readChangeFor`): starting opens a read, finishing or abandoning
 * closes it, starting again after a finish is a re-read. The entry row is
 * locked first, so two changes of one book apply one after the other.
 */
export function setReadingStatus(
  db: Database,
  userId: string,
  input: { bookId: string; status: ReadingStatus; startedOn?: string | null; finishedOn?: string | null },
) {
  return db.transaction(async (tx) => {
    await requireBook(tx, input.bookId);
    const [entry] = await tx
      .insert(shelfEntries)
      .values({ userId, bookId: input.bookId, status: input.status })
      .onConflictDoUpdate({
        target: [shelfEntries.userId, shelfEntries.bookId],
        set: { status: input.status, updatedAt: sql`now()` },
      })
      .returning({ id: shelfEntries.id, status: shelfEntries.status });
    const [latest] = await readsOf(tx, userId, input.bookId).limit(1);
    const change = readChangeFor(input.status, latest ?? null, input, today());
    switch (change.kind) {
      case "open":
        await tx.insert(bookReads).values({ userId, bookId: input.bookId, startedOn: change.startedOn });
        break;
      case "restart":
        await tx.update(bookReads).set({ startedOn: change.startedOn }).where(eq(bookReads.id, change.readId));
        break;
      case "close":
        await tx
          .update(bookReads)
          .set({ outcome: change.outcome, finishedOn: change.finishedOn, startedOn: change.startedOn })
          .where(eq(bookReads.id, change.readId));
        break;
      case "record":
        await tx.insert(bookReads).values({ userId, bookId: input.bookId, ...change });
        break;
    }
    const finished = (change.kind === "close" || change.kind === "record") && change.outcome === "read";
    if (finished && (await statusVisibilityOf(tx, userId)) !== "private") {
      const book = await findBookSummary(tx, input.bookId);
      await notifyFriends(tx, userId, "friend_finished", { bookId: input.bookId, bookTitle: book?.title ?? null });
    }
    return { ...entry, reads: await readsOf(tx, userId, input.bookId) };
  });
}

/** Takes a book off the status shelves, with its read-throughs. */
export function removeReadingStatus(db: Database, userId: string, bookId: string) {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(shelfEntries)
      .where(and(eq(shelfEntries.userId, userId), eq(shelfEntries.bookId, bookId)))
      .returning({ id: shelfEntries.id });
    if (removed.length === 0) throw notFound("This book is not on your shelves");
    await tx.delete(bookReads).where(and(eq(bookReads.userId, userId), eq(bookReads.bookId, bookId)));
    return { ok: true as const };
  });
}

/** Corrects one read-through's dates (a closed read keeps a finish date). */
export async function updateRead(
  db: Executor,
  userId: string,
  input: { readId: string; startedOn: string | null; finishedOn: string | null },
) {
  const [read] = await db
    .select({ outcome: bookReads.outcome })
    .from(bookReads)
    .where(and(eq(bookReads.id, input.readId), eq(bookReads.userId, userId)));
  if (!read) throw notFound("No such read of yours");
  if ((read.outcome === null) !== (input.finishedOn === null)) {
    throw fieldError("finishedOn", read.outcome ? "A finished read needs its finish date" : "This read is still open");
  }
  const [updated] = await db
    .update(bookReads)
    .set({ startedOn: input.startedOn, finishedOn: input.finishedOn })
    .where(and(eq(bookReads.id, input.readId), eq(bookReads.userId, userId)))
    .returning(readColumns);
  return updated;
}

/** The caller's books on the status shelves (one status or all), most recently changed first. */
export async function myBooks(db: Executor, userId: string, input: Page & { status?: ReadingStatus | undefined }) {
  const query = db
    .select({ ...entryColumns, sortKey: shelfEntries.updatedAt })
    .from(shelfEntries)
    .innerJoin(books, eq(books.id, shelfEntries.bookId));
  const condition = and(
    eq(shelfEntries.userId, userId),
    input.status ? eq(shelfEntries.status, input.status) : undefined,
  );
  const rows = await pageRows(query.$dynamic(), booksPager, entrySort, input, condition);
  return booksPager.page(rows, input.limit, (row) => ({ key: row.sortKey, id: row.id }));
}

async function statusVisibilityOf(db: Executor, userId: string): Promise<ShelfVisibility> {
  const [settings] = await db
    .select({ visibility: readerSettings.statusVisibility })
    .from(readerSettings)
    .where(eq(readerSettings.userId, userId));
  return settings?.visibility ?? DEFAULT_STATUS_VISIBILITY;
}

/** Who may see the caller's status shelves. */
export async function setStatusVisibility(db: Executor, userId: string, visibility: ShelfVisibility) {
  await db
    .insert(readerSettings)
    .values({ userId, statusVisibility: visibility })
    .onConflictDoUpdate({ target: readerSettings.userId, set: { statusVisibility: visibility } });
  return { visibility };
}

/** Another member's status shelves, when their setting lets the caller see them (FORBIDDEN otherwise). */
export async function memberBooks(
  db: Executor,
  viewerId: string,
  input: Page & { userId: string; status?: ReadingStatus | undefined },
) {
  const viewer = await shelfViewerOf(db, viewerId, input.userId);
  if (!visibleShelfKinds(viewer).includes(await statusVisibilityOf(db, input.userId))) {
    throw notFound("This member's shelves are not shared with you");
  }
  const query = db
    .select({ ...entryColumns, sortKey: shelfEntries.updatedAt })
    .from(shelfEntries)
    .innerJoin(books, eq(books.id, shelfEntries.bookId));
  const condition = and(
    eq(shelfEntries.userId, input.userId),
    input.status ? eq(shelfEntries.status, input.status) : undefined,
  );
  const rows = await pageRows(query.$dynamic(), memberBooksPager, entrySort, input, condition);
  return memberBooksPager.page(rows, input.limit, (row) => ({ key: row.sortKey, id: row.id }));
}

/** Everything of the caller's about one book, for its page: status, reads, custom shelves it is on. */
export async function myBookState(db: Executor, userId: string, bookId: string) {
  await requireBook(db, bookId);
  const [entry] = await db
    .select({ status: shelfEntries.status })
    .from(shelfEntries)
    .where(and(eq(shelfEntries.userId, userId), eq(shelfEntries.bookId, bookId)));
  const onShelves = await db
    .select(shelfColumns)
    .from(shelfBooks)
    .innerJoin(shelves, eq(shelves.id, shelfBooks.shelfId))
    .where(and(eq(shelves.userId, userId), eq(shelfBooks.bookId, bookId)))
    .orderBy(asc(shelves.position), asc(shelves.id));
  return {
    status: entry?.status ?? null,
    reads: await readsOf(db, userId, bookId),
    shelves: onShelves,
  };
}

/** A new custom shelf, last in the caller's order. */
export function createShelf(db: Database, userId: string, input: { name: string; visibility: ShelfVisibility }) {
  return db.transaction(async (tx) => {
    // Serializes a member's shelf creations, so the count and the next position hold.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shelves'), hashtext(${userId}))`);
    const [mine] = await tx
      .select({ n: count(), last: max(shelves.position) })
      .from(shelves)
      .where(eq(shelves.userId, userId));
    if ((mine?.n ?? 0) >= SHELVES_PER_MEMBER_MAX) {
      throw conflict(`You have ${SHELVES_PER_MEMBER_MAX} shelves already; remove one first`);
    }
    const [shelf] = await tx
      .insert(shelves)
      .values({ userId, name: input.name, visibility: input.visibility, position: (mine?.last ?? 0) + 1 })
      .returning(shelfColumns);
    return shelf;
  });
}

export async function updateShelf(
  db: Executor,
  userId: string,
  input: { shelfId: string; changes: { name?: string | undefined; visibility?: ShelfVisibility | undefined } },
) {
  const [shelf] = await db
    .update(shelves)
    .set(input.changes)
    .where(and(eq(shelves.id, input.shelfId), eq(shelves.userId, userId)))
    .returning(shelfColumns);
  if (!shelf) throw notFound("No such shelf of yours");
  return shelf;
}

export async function deleteShelf(db: Executor, userId: string, shelfId: string) {
  const removed = await db
    .delete(shelves)
    .where(and(eq(shelves.id, shelfId), eq(shelves.userId, userId)))
    .returning({ id: shelves.id });
  if (removed.length === 0) throw notFound("No such shelf of yours");
  return { ok: true as const };
}

/** Puts the caller's shelves in the order given, which must name each of them once. */
export function reorderShelves(db: Database, userId: string, shelfIds: string[]) {
  return db.transaction(async (tx) => {
    const current = await tx.select({ id: shelves.id }).from(shelves).where(eq(shelves.userId, userId)).for("update");
    const wrong = reorderProblem(
      current.map((shelf) => shelf.id),
      shelfIds,
    );
    if (wrong) throw fieldError("shelfIds", "List each of your shelves exactly once");
    const order = shelfIds.map((id, index) => ({ id, position: index + 1 }));
    await tx.execute(sql`
      update ${shelves} set position = v.position
      from json_to_recordset(${JSON.stringify(order)}::json) as v(id uuid, position int)
      where ${shelves.id} = v.id`);
    return { ok: true as const };
  });
}

/** The caller's custom shelves in their order, with how many books each holds. */
export async function myShelves(db: Executor, userId: string, page: Page) {
  const query = db
    .select({
      ...shelfColumns,
      bookCount: sql<number>`(select count(*)::int from ${shelfBooks} where ${shelfBooks.shelfId} = ${shelves.id})`,
    })
    .from(shelves);
  const rows = await pageRows(query.$dynamic(), myShelvesPager, shelfSort, page, eq(shelves.userId, userId));
  return myShelvesPager.page(rows, page.limit, (row) => ({ key: row.position, id: row.id }));
}

/** Another member's custom shelves that the caller may see. */
export async function memberShelves(db: Executor, viewerId: string, input: Page & { userId: string }) {
  const viewer = await shelfViewerOf(db, viewerId, input.userId);
  const query = db.select(shelfColumns).from(shelves);
  const condition = and(eq(shelves.userId, input.userId), inArray(shelves.visibility, visibleShelfKinds(viewer)));
  const rows = await pageRows(query.$dynamic(), memberShelvesPager, shelfSort, input, condition);
  return memberShelvesPager.page(rows, input.limit, (row) => ({ key: row.position, id: row.id }));
}

/** A shelf the viewer may see (NOT_FOUND otherwise: a hidden shelf is not revealed). */
async function visibleShelf(db: Executor, viewerId: string, shelfId: string) {
  const [shelf] = await db
    .select({ ...shelfColumns, userId: shelves.userId })
    .from(shelves)
    .where(eq(shelves.id, shelfId));
  if (!shelf) throw notFound("No such shelf");
  const viewer = await shelfViewerOf(db, viewerId, shelf.userId);
  if (!visibleShelfKinds(viewer).includes(shelf.visibility)) throw notFound("No such shelf");
  return shelf;
}

/** The books on a shelf the caller may see, most recently added first. */
export async function shelfContents(db: Executor, viewerId: string, input: Page & { shelfId: string }) {
  const shelf = await visibleShelf(db, viewerId, input.shelfId);
  const query = db
    .select({ addedAt: shelfBooks.addedAt, book: bookSummaryColumns })
    .from(shelfBooks)
    .innerJoin(books, eq(books.id, shelfBooks.bookId));
  const rows = await pageRows(
    query.$dynamic(),
    shelfBooksPager,
    shelfBookSort,
    input,
    eq(shelfBooks.shelfId, shelf.id),
  );
  return shelfBooksPager.page(rows, input.limit, (row) => ({ key: row.addedAt, id: row.book.id }));
}

async function ownShelf(db: Executor, userId: string, shelfId: string) {
  const [shelf] = await db
    .select({ id: shelves.id })
    .from(shelves)
    .where(and(eq(shelves.id, shelfId), eq(shelves.userId, userId)));
  if (!shelf) throw notFound("No such shelf of yours");
  return shelf;
}

/** Adds a book to one of the caller's shelves; adding it again changes nothing. */
export async function addToShelf(db: Executor, userId: string, input: { shelfId: string; bookId: string }) {
  await ownShelf(db, userId, input.shelfId);
  await requireBook(db, input.bookId);
  const added = await db
    .insert(shelfBooks)
    .values(input)
    .onConflictDoNothing()
    .returning({ bookId: shelfBooks.bookId });
  return { added: added.length > 0 };
}

export async function removeFromShelf(db: Executor, userId: string, input: { shelfId: string; bookId: string }) {
  await ownShelf(db, userId, input.shelfId);
  const removed = await db
    .delete(shelfBooks)
    .where(and(eq(shelfBooks.shelfId, input.shelfId), eq(shelfBooks.bookId, input.bookId)))
    .returning({ bookId: shelfBooks.bookId });
  if (removed.length === 0) throw notFound("This book is not on that shelf");
  return { ok: true as const };
}
