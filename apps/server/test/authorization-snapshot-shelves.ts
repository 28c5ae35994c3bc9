import {
  asc,
  bookReads,
  copies,
  importedSourceBooks,
  importJobs,
  importRows,
  inArray,
  loans,
  or,
  readerSettings,
  shelfBooks,
  shelfEntries,
  shelves,
  tradeBlocks,
  tradeItems,
  tradeProposals,
} from "@booky/db";
import type { TestServer } from "./harness.js";

/** The shelves, trades and imports domains' rows of the scene's people, for the "refused calls change nothing" snapshot. */
export function shelvesSnapshot(db: TestServer["db"], userIds: string[]) {
  const theirShelves = db.select({ id: shelves.id }).from(shelves).where(inArray(shelves.userId, userIds));
  return [
    db.select().from(shelfEntries).where(inArray(shelfEntries.userId, userIds)).orderBy(asc(shelfEntries.id)),
    db.select().from(bookReads).where(inArray(bookReads.userId, userIds)).orderBy(asc(bookReads.id)),
    db.select().from(shelves).where(inArray(shelves.userId, userIds)).orderBy(asc(shelves.id)),
    db
      .select()
      .from(shelfBooks)
      .where(inArray(shelfBooks.shelfId, theirShelves))
      .orderBy(asc(shelfBooks.shelfId), asc(shelfBooks.bookId)),
    db.select().from(readerSettings).where(inArray(readerSettings.userId, userIds)).orderBy(asc(readerSettings.userId)),
    db.select().from(copies).where(inArray(copies.ownerId, userIds)).orderBy(asc(copies.id)),
    db
      .select()
      .from(tradeProposals)
      .where(or(inArray(tradeProposals.fromUserId, userIds), inArray(tradeProposals.toUserId, userIds)))
      .orderBy(asc(tradeProposals.id)),
    db.select().from(tradeItems).where(inArray(tradeItems.giverId, userIds)).orderBy(asc(tradeItems.id)),
    db.select().from(importJobs).where(inArray(importJobs.userId, userIds)).orderBy(asc(importJobs.id)),
    db
      .select()
      .from(importRows)
      .where(
        inArray(
          importRows.jobId,
          db.select({ id: importJobs.id }).from(importJobs).where(inArray(importJobs.userId, userIds)),
        ),
      )
      .orderBy(asc(importRows.id)),
    db
      .select()
      .from(importedSourceBooks)
      .where(inArray(importedSourceBooks.userId, userIds))
      .orderBy(asc(importedSourceBooks.sourceBookId)),
    db
      .select()
      .from(loans)
      .where(or(inArray(loans.lenderId, userIds), inArray(loans.borrowerId, userIds)))
      .orderBy(asc(loans.id)),
    db
      .select()
      .from(tradeBlocks)
      .where(inArray(tradeBlocks.blockerId, userIds))
      .orderBy(asc(tradeBlocks.blockerId), asc(tradeBlocks.blockedId)),
  ];
}
