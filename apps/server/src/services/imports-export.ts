import {
  and,
  bookReads,
  books,
  copies,
  desc,
  type Executor,
  eq,
  loans,
  notExists,
  or,
  ratings,
  shelfBooks,
  shelfEntries,
  shelves,
  sql,
  tradeProposals,
} from "@booky/db";
import {
  GOODREADS_HEADERS,
  GOODREADS_SHELF,
  goodreadsDay,
  goodreadsIsbn,
  goodreadsStars,
  type ReadingStatus,
} from "@booky/domain";
import { stringify } from "csv-stringify/sync";

/** Everything a member keeps here: statuses with reads, ratings and reviews, shelves, copies, trades, loans. */
export async function exportLibrary(db: Executor, userId: string) {
  const book = {
    id: books.id,
    title: books.title,
    authors: books.authors,
    isbn13: books.isbn13,
    pageCount: books.pageCount,
    publishedDate: books.publishedDate,
    publisher: books.publisher,
  };
  // Ratings are the reviews domain's, in half stars; `review` is the review's Markdown source.
  const shelved = await db
    .select({
      book,
      status: shelfEntries.status,
      rating: ratings.halves,
      review: ratings.body,
      addedAt: shelfEntries.createdAt,
    })
    .from(shelfEntries)
    .innerJoin(books, eq(books.id, shelfEntries.bookId))
    .leftJoin(ratings, and(eq(ratings.userId, shelfEntries.userId), eq(ratings.bookId, shelfEntries.bookId)))
    .where(eq(shelfEntries.userId, userId))
    .orderBy(shelfEntries.createdAt, shelfEntries.id);
  // A book rated here but never shelved is a book read (as Goodreads has it).
  const ratedOnly = await db
    .select({
      book,
      status: sql<ReadingStatus>`'read'`,
      rating: ratings.halves,
      review: ratings.body,
      addedAt: ratings.createdAt,
    })
    .from(ratings)
    .innerJoin(books, eq(books.id, ratings.bookId))
    .where(
      and(
        eq(ratings.userId, userId),
        notExists(
          db
            .select({ id: shelfEntries.id })
            .from(shelfEntries)
            .where(and(eq(shelfEntries.userId, userId), eq(shelfEntries.bookId, ratings.bookId))),
        ),
      ),
    )
    .orderBy(ratings.createdAt, ratings.id);
  const entries = [...shelved, ...ratedOnly];
  const reads = await db
    .select({
      bookId: bookReads.bookId,
      startedOn: bookReads.startedOn,
      finishedOn: bookReads.finishedOn,
      outcome: bookReads.outcome,
    })
    .from(bookReads)
    .where(eq(bookReads.userId, userId))
    .orderBy(bookReads.createdAt);
  const myShelves = await db
    .select({ id: shelves.id, name: shelves.name, visibility: shelves.visibility, position: shelves.position })
    .from(shelves)
    .where(eq(shelves.userId, userId))
    .orderBy(shelves.position);
  const onShelves = await db
    .select({ shelfId: shelfBooks.shelfId, bookId: shelfBooks.bookId })
    .from(shelfBooks)
    .innerJoin(shelves, eq(shelves.id, shelfBooks.shelfId))
    .where(eq(shelves.userId, userId));
  const myCopies = await db
    .select({
      id: copies.id,
      bookId: copies.bookId,
      title: books.title,
      condition: copies.condition,
      availability: copies.availability,
      notes: copies.notes,
    })
    .from(copies)
    .innerJoin(books, eq(books.id, copies.bookId))
    .where(eq(copies.ownerId, userId));
  const trades = await db
    .select({
      id: tradeProposals.id,
      status: tradeProposals.status,
      createdAt: tradeProposals.createdAt,
      fulfilledAt: tradeProposals.fulfilledAt,
      snapshot: tradeProposals.snapshot,
    })
    .from(tradeProposals)
    .where(or(eq(tradeProposals.fromUserId, userId), eq(tradeProposals.toUserId, userId)))
    .orderBy(desc(tradeProposals.createdAt));
  const myLoans = await db
    .select({
      id: loans.id,
      copyId: loans.copyId,
      status: loans.status,
      dueOn: loans.dueOn,
      lenderId: loans.lenderId,
      borrowerId: loans.borrowerId,
    })
    .from(loans)
    .where(or(eq(loans.lenderId, userId), eq(loans.borrowerId, userId)));
  const shelfName = new Map(myShelves.map((shelf) => [shelf.id, shelf.name]));
  return {
    entries: entries.map((entry) => ({
      ...entry,
      reads: reads.filter((read) => read.bookId === entry.book.id),
      shelves: onShelves.filter((row) => row.bookId === entry.book.id).map((row) => shelfName.get(row.shelfId) ?? ""),
      ownedCopies: myCopies.filter((copy) => copy.bookId === entry.book.id).length,
    })),
    shelves: myShelves,
    copies: myCopies,
    trades,
    loans: myLoans,
  };
}

/** The member's library as a Goodreads export (its 31 columns), so it imports back into Goodreads or here. */
export async function exportGoodreadsCsv(db: Executor, userId: string) {
  const library = await exportLibrary(db, userId);
  const rows = library.entries.map((entry) => {
    const finished = entry.reads.filter((read) => read.finishedOn).at(-1);
    const custom = entry.shelves.filter(Boolean);
    const exclusive = GOODREADS_SHELF[entry.status];
    const [author = "", ...others] = entry.book.authors;
    const values: Record<(typeof GOODREADS_HEADERS)[number], string> = {
      "Book Id": entry.book.id,
      Title: entry.book.title,
      Author: author,
      "Author l-f": author.includes(" ")
        ? `${author.split(" ").at(-1)}, ${author.split(" ").slice(0, -1).join(" ")}`
        : author,
      "Additional Authors": others.join(", "),
      ISBN: goodreadsIsbn(entry.book.isbn13, 10),
      ISBN13: goodreadsIsbn(entry.book.isbn13, 13),
      "My Rating": goodreadsStars(entry.rating),
      "Average Rating": "",
      Publisher: entry.book.publisher ?? "",
      Binding: "",
      "Number of Pages": entry.book.pageCount ? String(entry.book.pageCount) : "",
      "Year Published": entry.book.publishedDate?.slice(0, 4) ?? "",
      "Original Publication Year": entry.book.publishedDate?.slice(0, 4) ?? "",
      "Date Read": goodreadsDay(finished?.finishedOn),
      "Date Added": goodreadsDay(entry.addedAt.toISOString().slice(0, 10)),
      Bookshelves: [exclusive, ...custom].join(", "),
      "Bookshelves with positions": [exclusive, ...custom].join(", "),
      "Exclusive Shelf": exclusive,
      "My Review": entry.review ?? "",
      Spoiler: "",
      "Private Notes": "",
      "Read Count": String(entry.reads.filter((read) => read.outcome === "read").length),
      "Recommended For": "",
      "Recommended By": "",
      "Owned Copies": String(entry.ownedCopies),
      "Original Purchase Date": "",
      "Original Purchase Location": "",
      Condition: "",
      "Condition Description": "",
      BCID: "",
    };
    return GOODREADS_HEADERS.map((header) => values[header]);
  });
  return {
    fileName: "booky_library_export.csv",
    csv: stringify(rows, { header: true, columns: [...GOODREADS_HEADERS] }),
  };
}
