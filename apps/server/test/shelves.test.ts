import { bookReads, count, eq, shelfEntries, shelves } from "@booky/db";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, startTestServer } from "./harness.js";
import { allPages } from "./list-support.js";
import { befriend, copyOf, readers, shareClub } from "./shelves-support.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) =>
  Object.keys((await rejectionOf(call)).data?.zodError?.fieldErrors ?? {});

describe("reading status and read-throughs", () => {
  it("reading, read, reading again: two read-throughs, the second a re-read", async () => {
    const [ana] = await readers(server, 1);
    if (!ana) throw new Error("no reader");
    const book = await catalogBook(server);
    const trpc = ana.client.trpc.shelves;
    await trpc.setStatus.mutate({ bookId: book.id, status: "want_to_read" });
    expect((await trpc.forBook.query({ bookId: book.id })).reads).toEqual([]);
    await trpc.setStatus.mutate({ bookId: book.id, status: "reading", startedOn: "2026-01-02" });
    const finished = await trpc.setStatus.mutate({ bookId: book.id, status: "read", finishedOn: "2026-01-20" });
    expect(finished.reads).toEqual([
      expect.objectContaining({ startedOn: "2026-01-02", finishedOn: "2026-01-20", outcome: "read" }),
    ]);
    await trpc.setStatus.mutate({ bookId: book.id, status: "reading", startedOn: "2026-02-01" });
    const state = await trpc.forBook.query({ bookId: book.id });
    expect(state.status).toBe("reading");
    expect(state.reads.map((read) => [read.startedOn, read.outcome])).toEqual([
      ["2026-02-01", null],
      ["2026-01-02", "read"],
    ]);
    await trpc.setStatus.mutate({ bookId: book.id, status: "did_not_finish", finishedOn: "2026-02-03" });
    expect((await trpc.forBook.query({ bookId: book.id })).reads[0]).toMatchObject({ outcome: "did_not_finish" });
    const listed = await trpc.books.query({ status: "did_not_finish" });
    expect(listed.items.map((item) => item.book.id)).toEqual([book.id]);
  });

  it("two status changes racing on one book leave one entry and at most one open read", async () => {
    const [ana] = await readers(server, 1);
    if (!ana) throw new Error("no reader");
    const book = await catalogBook(server);
    const set = () => ana.client.trpc.shelves.setStatus.mutate({ bookId: book.id, status: "reading" });
    const results = await Promise.allSettled([set(), set(), set()]);
    expect(results.filter((result) => result.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason.data?.code).toBe("CONFLICT");
    }
    expect(await server.db.$count(shelfEntries, eq(shelfEntries.userId, ana.user.id))).toBe(1);
    expect(await server.db.$count(bookReads, eq(bookReads.userId, ana.user.id))).toBe(1);
  });

  it("bad dates and unknown books are refused by field and change nothing", async () => {
    const [ana] = await readers(server, 1);
    if (!ana) throw new Error("no reader");
    const book = await catalogBook(server);
    const trpc = ana.client.trpc.shelves;
    expect(
      await fieldsOf(
        trpc.setStatus.mutate({ bookId: book.id, status: "read", startedOn: "2026-03-02", finishedOn: "2026-03-01" }),
      ),
    ).toEqual(["finishedOn"]);
    expect(
      await fieldsOf(trpc.setStatus.mutate({ bookId: book.id, status: "read", finishedOn: "2026/03/01" })),
    ).toEqual(["finishedOn"]);
    expect(await fieldsOf(trpc.setStatus.mutate({ bookId: book.id, status: "skimmed" as "read" }))).toEqual(["status"]);
    expect(await codeOf(trpc.setStatus.mutate({ bookId: crypto.randomUUID(), status: "read" }))).toBe("NOT_FOUND");
    expect(await server.db.$count(shelfEntries, eq(shelfEntries.userId, ana.user.id))).toBe(0);
    // An existing read's dates: a finish before the start is refused by the database's check, by field.
    const { reads } = await trpc.setStatus.mutate({ bookId: book.id, status: "read", finishedOn: "2026-03-05" });
    const readId = reads[0]?.id ?? "";
    expect(
      await fieldsOf(trpc.updateRead.mutate({ readId, startedOn: "2026-03-09", finishedOn: "2026-03-05" })),
    ).toEqual(["finishedOn"]);
    expect(await fieldsOf(trpc.updateRead.mutate({ readId, startedOn: "2026-03-01", finishedOn: null }))).toEqual([
      "finishedOn",
    ]);
    const fixed = await trpc.updateRead.mutate({ readId, startedOn: "2026-03-01", finishedOn: "2026-03-05" });
    expect(fixed).toMatchObject({ startedOn: "2026-03-01", finishedOn: "2026-03-05" });
  });

  it("status shelves are shared per the owner's setting: friends by default, public, or private", async () => {
    const [ana, friend, other] = await readers(server, 3);
    if (!ana || !friend || !other) throw new Error("no readers");
    await befriend(server, ana, friend);
    const book = await catalogBook(server);
    await ana.client.trpc.shelves.setStatus.mutate({ bookId: book.id, status: "reading" });
    const look = (who: typeof ana) => who.client.trpc.shelves.memberBooks.query({ userId: ana.user.id });
    expect((await look(friend)).items.map((item) => item.book.id)).toEqual([book.id]);
    expect(await codeOf(look(other))).toBe("NOT_FOUND");
    await ana.client.trpc.shelves.setStatusVisibility.mutate({ visibility: "public" });
    expect((await look(other)).items).toHaveLength(1);
    await ana.client.trpc.shelves.setStatusVisibility.mutate({ visibility: "private" });
    expect(await codeOf(look(friend))).toBe("NOT_FOUND");
  });

  it("pages through many books without repeats or gaps", async () => {
    const [ana] = await readers(server, 1);
    if (!ana) throw new Error("no reader");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const book = await catalogBook(server);
      ids.push(book.id);
      await ana.client.trpc.shelves.setStatus.mutate({ bookId: book.id, status: "want_to_read" });
    }
    const pages = await allPages((cursor) => ana.client.trpc.shelves.books.query({ cursor, limit: 3 }));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    const items = pages.flat();
    expect(items.map((item) => item.book.id)).toEqual([...ids].reverse());
    const page = await ana.client.trpc.shelves.books.query({ limit: 3 });
    expect(await fieldsOf(ana.client.trpc.shelves.mine.query({ cursor: page.nextCursor }))).toEqual(["cursor"]);
  });
});

describe("custom shelves", () => {
  it("creates, renames, orders, fills and deletes shelves; names are unique per member without case", async () => {
    const [ana, ben] = await readers(server, 2);
    if (!ana || !ben) throw new Error("no readers");
    const trpc = ana.client.trpc.shelves;
    const summer = await trpc.create.mutate({ name: "  Summer   reads " });
    const classics = await trpc.create.mutate({ name: "Classics", visibility: "public" });
    expect(summer?.name).toBe("Summer reads");
    expect(await fieldsOf(trpc.create.mutate({ name: "summer READS" }))).toEqual(["name"]);
    expect(await fieldsOf(trpc.create.mutate({ name: "   " }))).toEqual(["name"]);
    // Another member may use the same name.
    await ben.client.trpc.shelves.create.mutate({ name: "Summer reads" });

    await trpc.reorder.mutate({ shelfIds: [classics?.id ?? "", summer?.id ?? ""] });
    expect((await trpc.mine.query({})).items.map((shelf) => shelf.name)).toEqual(["Classics", "Summer reads"]);
    expect(await fieldsOf(trpc.reorder.mutate({ shelfIds: [classics?.id ?? ""] }))).toEqual(["shelfIds"]);
    expect((await trpc.mine.query({})).items.map((shelf) => shelf.name)).toEqual(["Classics", "Summer reads"]);

    const book = await catalogBook(server);
    expect(await trpc.addBook.mutate({ shelfId: summer?.id ?? "", bookId: book.id })).toEqual({ added: true });
    expect(await trpc.addBook.mutate({ shelfId: summer?.id ?? "", bookId: book.id })).toEqual({ added: false });
    expect((await trpc.forBook.query({ bookId: book.id })).shelves.map((shelf) => shelf.name)).toEqual([
      "Summer reads",
    ]);
    expect((await trpc.mine.query({})).items.find((shelf) => shelf.id === summer?.id)?.bookCount).toBe(1);

    await trpc.update.mutate({ shelfId: summer?.id ?? "", changes: { name: "Beach" } });
    expect(await fieldsOf(trpc.update.mutate({ shelfId: summer?.id ?? "", changes: { name: "classics" } }))).toEqual([
      "name",
    ]);
    await trpc.delete.mutate({ shelfId: summer?.id ?? "" });
    expect(await codeOf(trpc.contents.query({ shelfId: summer?.id ?? "" }))).toBe("NOT_FOUND");
    expect(await server.db.select({ n: count() }).from(shelves).where(eq(shelves.userId, ana.user.id))).toEqual([
      { n: 1 },
    ]);
  });

  it("a shelf's visibility decides who sees it and its books", async () => {
    const [ana, friend, other] = await readers(server, 3);
    if (!ana || !friend || !other) throw new Error("no readers");
    await befriend(server, ana, friend);
    const trpc = ana.client.trpc.shelves;
    const open = await trpc.create.mutate({ name: "Open", visibility: "public" });
    const friendsOnly = await trpc.create.mutate({ name: "Friends", visibility: "friends" });
    await trpc.create.mutate({ name: "Mine", visibility: "private" });
    const names = async (who: typeof ana) =>
      (await who.client.trpc.shelves.ofMember.query({ userId: ana.user.id })).items.map((shelf) => shelf.name);
    expect(await names(ana)).toEqual(["Open", "Friends", "Mine"]);
    expect(await names(friend)).toEqual(["Open", "Friends"]);
    expect(await names(other)).toEqual(["Open"]);
    expect(await codeOf(other.client.trpc.shelves.contents.query({ shelfId: friendsOnly?.id ?? "" }))).toBe(
      "NOT_FOUND",
    );
    expect((await friend.client.trpc.shelves.contents.query({ shelfId: friendsOnly?.id ?? "" })).items).toEqual([]);
    expect((await other.client.trpc.shelves.contents.query({ shelfId: open?.id ?? "" })).items).toEqual([]);
  });
});

describe("owned copies", () => {
  it("adds, grades, updates and removes copies; bad grades are refused by field", async () => {
    const [ana, ben] = await readers(server, 2);
    if (!ana || !ben) throw new Error("no readers");
    const book = await catalogBook(server);
    const copy = await ana.client.trpc.copies.add.mutate({ bookId: book.id, condition: "fine", notes: "Signed" });
    expect(copy).toMatchObject({ condition: "fine", availability: "keep", notes: "Signed" });
    expect(await fieldsOf(ana.client.trpc.copies.add.mutate({ bookId: book.id, condition: "mint" as "fine" }))).toEqual(
      ["condition"],
    );
    expect(
      await fieldsOf(
        ana.client.trpc.copies.add.mutate({ bookId: book.id, condition: "fine", notes: "x".repeat(1001) }),
      ),
    ).toEqual(["notes"]);
    const changed = { copyId: copy?.id ?? "", changes: { availability: "open_to_lend" as const } };
    expect(await codeOf(ben.client.trpc.copies.update.mutate(changed))).toBe("NOT_FOUND");
    await ana.client.trpc.copies.update.mutate(changed);
    expect((await ana.client.trpc.copies.mine.query({ availability: "open_to_lend" })).items).toHaveLength(1);
    expect((await ana.client.trpc.copies.ofBook.query({ bookId: book.id })).map((row) => row.notes)).toEqual([
      "Signed",
    ]);
    expect(await codeOf(ben.client.trpc.copies.remove.mutate({ copyId: copy?.id ?? "" }))).toBe("NOT_FOUND");
    await ana.client.trpc.copies.remove.mutate({ copyId: copy?.id ?? "" });
    expect((await ana.client.trpc.copies.mine.query({})).items).toEqual([]);
  });

  it("who has this book: friends' and club-mates' copies, never strangers'", async () => {
    const [me, friend, mate, stranger] = await readers(server, 4);
    if (!me || !friend || !mate || !stranger) throw new Error("no readers");
    await befriend(server, me, friend);
    await shareClub(me, mate);
    const book = await catalogBook(server);
    const byFriend = await copyOf(server, friend, { bookId: book.id });
    const byMate = await copyOf(server, mate, { bookId: book.id, availability: "open_to_lend" });
    await copyOf(server, stranger, { bookId: book.id });
    await copyOf(server, me, { bookId: book.id });
    const owners = await me.client.trpc.copies.owners.query({ bookId: book.id });
    expect(owners.items.map((row) => [row.id, row.owner.id, row.friend, row.clubMate])).toEqual([
      [byMate.id, mate.user.id, false, true],
      [byFriend.id, friend.user.id, true, false],
    ]);
    expect(await codeOf(me.client.trpc.copies.owners.query({ bookId: crypto.randomUUID() }))).toBe("NOT_FOUND");
  });
});
