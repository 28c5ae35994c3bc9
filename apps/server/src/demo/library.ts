import { books, type Database, eq, type Transaction } from "@booky/db";
import { addToShelf, createShelf, setReadingStatus } from "../services/shelves.js";
import { addCopy } from "../services/shelves-copies.js";
import { insertProposal } from "../services/trades.js";
import { lendCopy } from "../services/trades-loans.js";

/**
 * The demo's bookshelves: reading statuses and a named shelf per reader, copies
 * open to trade or lend, one pending trade (bruno offers his copy for
 * chiara's) and one loan (ada lends dev a book, due in two weeks). Written
 * through the services, inside the seeding transaction (their own
 * transactions become savepoints there).
 */
const shelves = [
  {
    owner: "bruno",
    name: "Train reads",
    reading: "9780060929879",
    read: ["9780142000670"],
    want: ["9780307265432"],
    copies: [["9780142000670", "very_good", "open_to_trade"]],
  },
  {
    owner: "chiara",
    name: "Classics to reread",
    reading: "9780060929879",
    read: ["9780142000670", "9780375751516"],
    want: [],
    copies: [["9780375751516", "good", "open_to_trade"]],
  },
  {
    owner: "ada",
    name: "Footnotes worth it",
    reading: "9780143039952",
    read: ["9780385333849"],
    want: ["9780375751516"],
    copies: [["9780385333849", "fine", "open_to_lend"]],
  },
  {
    owner: "dev",
    name: "Chapter three, eventually",
    reading: "9780060929879",
    read: [],
    want: ["9780385333849"],
    copies: [],
  },
] as const;

/** The day, `days` from `now`, as a date string (YYYY-MM-DD) in UTC. */
const dayFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function bookIdOf(tx: Transaction, isbn13: string) {
  const [book] = await tx.select({ id: books.id }).from(books).where(eq(books.isbn13, isbn13));
  if (!book) throw new Error(`demo book ${isbn13} is not in the seed catalog`);
  return book.id;
}

export async function buildLibrary(tx: Transaction, idOf: (username: string) => string, now: Date) {
  // Services that open a transaction of their own take the database; inside this one, theirs is a savepoint.
  const db = tx as unknown as Database;
  const copyOf = new Map<string, string>();
  for (const plan of shelves) {
    const userId = idOf(plan.owner);
    await setReadingStatus(db, userId, { bookId: await bookIdOf(tx, plan.reading), status: "reading" });
    for (const isbn of plan.read) {
      await setReadingStatus(db, userId, { bookId: await bookIdOf(tx, isbn), status: "read" });
    }
    for (const isbn of plan.want) {
      await setReadingStatus(db, userId, { bookId: await bookIdOf(tx, isbn), status: "want_to_read" });
    }
    const shelf = await createShelf(db, userId, { name: plan.name, visibility: "public" });
    if (!shelf) throw new Error(`demo shelf of @${plan.owner} was not saved`);
    for (const isbn of [plan.reading, ...plan.read]) {
      await addToShelf(tx, userId, { shelfId: shelf.id, bookId: await bookIdOf(tx, isbn) });
    }
    for (const [isbn, condition, availability] of plan.copies) {
      const copy = await addCopy(tx, userId, { bookId: await bookIdOf(tx, isbn), condition, availability, notes: "" });
      if (copy) copyOf.set(plan.owner, copy.id);
    }
  }
  const copy = (owner: string) => {
    const id = copyOf.get(owner);
    if (!id) throw new Error(`demo copy of @${owner} is missing`);
    return id;
  };
  await insertProposal(tx, idOf("bruno"), idOf("chiara"), {
    offeredCopyIds: [copy("bruno")],
    requestedCopyIds: [copy("chiara")],
    gift: false,
    message: "A swap? Mine for yours, both read once and carefully.",
  });
  await lendCopy(db, idOf("ada"), { copyId: copy("ada"), borrowerId: idOf("dev"), dueOn: dayFrom(now, 14) });
}
