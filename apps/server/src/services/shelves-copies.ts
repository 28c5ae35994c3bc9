import {
  and,
  books,
  copies,
  type Database,
  type Executor,
  eq,
  inArray,
  loans,
  sql,
  tradeItems,
  users,
} from "@booky/db";
import { ACTIVE_LOAN_STATUSES, type CopyAvailability, type CopyCondition } from "@booky/domain";
import { conflict, notFound } from "../errors.js";
import { publicProfileColumns } from "./accounts.js";
import { bookSummaryColumns, findBookSummary } from "./books/summary.js";
import { friendIdsOf } from "./friends.js";
import { definePager, pageRows } from "./pagination.js";
import { clubMateIdsOf, knownTo } from "./shelves-relations.js";

type Page = { cursor?: string | null | undefined; limit: number };

const myCopiesPager = definePager({ list: "copies.mine", order: "desc", key: "timestamp" });
const ownersPager = definePager({ list: "copies.owners", order: "desc", key: "timestamp" });
const copySort = { key: copies.createdAt, id: copies.id };

export const copyColumns = {
  id: copies.id,
  condition: copies.condition,
  availability: copies.availability,
  notes: copies.notes,
  createdAt: copies.createdAt,
};

/** Why a copy is tied up by a loan (arranged or out), or null. */
export async function copyOnLoan(db: Executor, copyId: string): Promise<string | null> {
  const [lent] = await db
    .select({ id: loans.id })
    .from(loans)
    .where(and(eq(loans.copyId, copyId), inArray(loans.status, [...ACTIVE_LOAN_STATUSES])));
  return lent ? "This copy is on loan; wait until it is back" : null;
}

/** Why a copy is reserved by a live trade proposal, or null. */
export async function copyInTrade(db: Executor, copyId: string): Promise<string | null> {
  const [reserved] = await db
    .select({ id: tradeItems.id })
    .from(tradeItems)
    .where(and(eq(tradeItems.copyId, copyId), eq(tradeItems.reserved, true)));
  return reserved ? "This copy is in a pending trade; cancel or decline it first" : null;
}

/** Why a copy may not be removed or withdrawn now (in a live trade proposal, on loan), or null. */
async function copyBusyReason(db: Executor, copyId: string): Promise<string | null> {
  return (await copyInTrade(db, copyId)) ?? copyOnLoan(db, copyId);
}

export async function addCopy(
  db: Executor,
  ownerId: string,
  input: { bookId: string; condition: CopyCondition; availability: CopyAvailability; notes: string },
) {
  if (!(await findBookSummary(db, input.bookId))) throw notFound("No such book in the catalog");
  const [copy] = await db
    .insert(copies)
    .values({ ownerId, ...input })
    .returning({ ...copyColumns, bookId: copies.bookId });
  return copy;
}

/** The caller's own copy, locked for the rest of the transaction; NOT_FOUND for anyone else's. */
export async function lockOwnCopy(db: Executor, ownerId: string, copyId: string) {
  const [copy] = await db
    .select({ id: copies.id, availability: copies.availability, bookId: copies.bookId })
    .from(copies)
    .where(and(eq(copies.id, copyId), eq(copies.ownerId, ownerId)))
    .for("update");
  if (!copy) throw notFound("No such copy of yours");
  return copy;
}

export async function updateCopy(
  db: Executor,
  ownerId: string,
  input: {
    copyId: string;
    changes: {
      condition?: CopyCondition | undefined;
      availability?: CopyAvailability | undefined;
      notes?: string | undefined;
    };
  },
) {
  if (input.changes.availability) {
    const busy = await copyBusyReason(db, input.copyId);
    if (busy) throw conflict(busy);
  }
  const [copy] = await db
    .update(copies)
    .set(input.changes)
    .where(and(eq(copies.id, input.copyId), eq(copies.ownerId, ownerId)))
    .returning({ ...copyColumns, bookId: copies.bookId });
  if (!copy) throw notFound("No such copy of yours");
  return copy;
}

/** Removes a copy the caller owns; CONFLICT while it is in a pending trade or out on loan. */
export function removeCopy(db: Database, ownerId: string, copyId: string) {
  return db.transaction(async (tx) => {
    await lockOwnCopy(tx, ownerId, copyId);
    const busy = await copyBusyReason(tx, copyId);
    if (busy) throw conflict(busy);
    await tx.delete(copies).where(eq(copies.id, copyId));
    return { ok: true as const };
  });
}

/** The caller's copies, newest first, optionally of one availability. */
export async function myCopies(
  db: Executor,
  ownerId: string,
  input: Page & { availability?: CopyAvailability | undefined },
) {
  const query = db
    .select({ ...copyColumns, book: bookSummaryColumns })
    .from(copies)
    .innerJoin(books, eq(books.id, copies.bookId));
  const condition = and(
    eq(copies.ownerId, ownerId),
    input.availability ? eq(copies.availability, input.availability) : undefined,
  );
  const rows = await pageRows(query.$dynamic(), myCopiesPager, copySort, input, condition);
  return myCopiesPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const memberCopiesPager = definePager({ list: "copies.ofMember", order: "desc", key: "timestamp" });

/** A friend's or club-mate's copies open to trade, for the trade builder; NOT_FOUND for anyone else. */
export async function memberCopies(db: Executor, viewerId: string, input: Page & { userId: string }) {
  const [known] = await db.execute<{ yes: boolean }>(
    sql`select ${knownTo(viewerId, sql`${input.userId}::uuid`)} as yes`,
  );
  if (!known?.yes) throw notFound("Only friends' and club-mates' copies are shown");
  const query = db
    .select({ ...copyColumns, book: bookSummaryColumns })
    .from(copies)
    .innerJoin(books, eq(books.id, copies.bookId));
  const condition = and(eq(copies.ownerId, input.userId), eq(copies.availability, "open_to_trade"));
  const rows = await pageRows(query.$dynamic(), memberCopiesPager, copySort, input, condition);
  return memberCopiesPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/** The caller's own copies of one book, for its page. */
export function myCopiesOf(db: Executor, ownerId: string, bookId: string) {
  return db
    .select(copyColumns)
    .from(copies)
    .where(and(eq(copies.ownerId, ownerId), eq(copies.bookId, bookId)))
    .orderBy(copies.createdAt, copies.id);
}

/**
 * "Who in my clubs or among my friends has this book": their copies of it,
 * newest first, each with its owner and whether they are a friend (else a
 * club-mate). Strangers' copies are not shown.
 */
export async function bookOwners(db: Executor, viewerId: string, input: Page & { bookId: string }) {
  if (!(await findBookSummary(db, input.bookId))) throw notFound("No such book in the catalog");
  const query = db
    .select({
      ...copyColumns,
      owner: publicProfileColumns,
      friend: sql<boolean>`${copies.ownerId} in ${friendIdsOf(viewerId)}`,
      clubMate: sql<boolean>`${copies.ownerId} in ${clubMateIdsOf(viewerId)}`,
    })
    .from(copies)
    .innerJoin(users, eq(users.id, copies.ownerId));
  const condition = and(
    eq(copies.bookId, input.bookId),
    knownTo(viewerId, copies.ownerId),
    sql`${users.deletedAt} is null`,
  );
  const rows = await pageRows(query.$dynamic(), ownersPager, copySort, input, condition);
  return ownersPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}
