import { count, eq, importJobs, shelfEntries } from "@booky/db";
import { IMPORT_MAX_ROWS, isbn13CheckDigit } from "@booky/domain";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { goodreads24, goodreads31, importDone, storygraph, upload } from "./imports-support.js";

const server = await startTestServer({ jobs: true });
let counter = 0;
const isbn = () => {
  counter += 1;
  const first12 = `978${String(process.pid % 1000).padStart(3, "0")}${String(Date.now() % 1e4).padStart(4, "0")}${String(counter).padStart(2, "0")}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
};

async function member() {
  const reader = await signedUpClient(server);
  return { ...reader, token: reader.client.accessToken ?? "" };
}

describe("importing a Goodreads export", () => {
  it("fills the shelves: statuses, ratings, reviews as text, reads, custom shelves, copies; the untitled row fails", async () => {
    const me = await member();
    const known = await catalogBook(server, { title: "Known Book", isbn13: isbn() });
    const unknownIsbn = isbn();
    const started = await upload(server, me.token, goodreads31({ known: { isbn13: known.isbn13 ?? "" }, unknownIsbn }));
    expect(started.status).toBe(201);
    const job = await importDone(server, started.body.id ?? "");
    expect([job.totalRows, job.doneRows, job.matched, job.created, job.failed]).toEqual([4, 4, 1, 2, 1]);
    const progress = await me.client.trpc.imports.get.query({ importId: job.id });
    expect(progress.status).toBe("done");

    const books = (await me.client.trpc.shelves.books.query({})).items;
    const byTitle = new Map(books.map((item) => [item.book.title, item]));
    expect(byTitle.get("Dune (Dune, #1)")).toMatchObject({ status: "read", rating: 10 });
    expect(byTitle.get("Known Book")).toMatchObject({ status: "want_to_read", rating: null, book: { id: known.id } });
    expect(byTitle.get("Unknown to Everyone")?.book).toMatchObject({
      authors: ["Bea Writer", "Cy Co"],
      pageCount: 123,
    });
    const dune = byTitle.get("Dune (Dune, #1)")?.book.id ?? "";
    const state = await me.client.trpc.shelves.forBook.query({ bookId: dune });
    // The rating and review are the reviews domain's: on the book's reviews, in its aggregate.
    const review = await me.client.trpc.reviews.mine.query({ bookId: dune });
    expect(review).toMatchObject({
      rating: 10,
      body: 'Spice, sand and a boy.\n\nRead it twice, "at least" and again.',
    });
    expect(await me.client.trpc.reviews.aggregate.query({ bookId: dune })).toMatchObject({ count: 1, mean: 5 });
    expect(state.reads).toEqual([expect.objectContaining({ finishedOn: "2023-01-20", outcome: "read" })]);
    expect(state.shelves.map((shelf) => shelf.name)).toEqual(["favorites", "sci-fi"]);
    const reading = await me.client.trpc.shelves.forBook.query({
      bookId: byTitle.get("Unknown to Everyone")?.book.id ?? "",
    });
    expect(reading.reads).toEqual([expect.objectContaining({ outcome: null })]);
    const copies = (await me.client.trpc.copies.mine.query({})).items;
    expect(copies.map((copy) => [copy.book.title, copy.condition]).sort()).toEqual([
      ["Dune (Dune, #1)", "very_good"],
      ["Unknown to Everyone", "good"],
      ["Unknown to Everyone", "good"],
    ]);

    const failures = await me.client.trpc.imports.failures.query({ importId: job.id });
    expect(failures.items.map((row) => [row.rowNumber, row.reason])).toEqual([[4, "The row has no title"]]);
    const csv = await me.client.trpc.imports.failuresCsv.query({ importId: job.id });
    expect(parse(csv.csv, { columns: true })).toEqual([
      { Row: "4", Title: "", Authors: "", ISBN13: "", Reason: "The row has no title" },
    ]);
    const chosen = await catalogBook(server, { title: "The one I meant" });
    const retried = await me.client.trpc.imports.retryRow.mutate({
      rowId: failures.items[0]?.id ?? "",
      bookId: chosen.id,
    });
    expect(retried.status).toBe("matched");
    expect((await me.client.trpc.imports.get.query({ importId: job.id })).failed).toBe(0);
    expect((await me.client.trpc.shelves.forBook.query({ bookId: chosen.id })).status).toBe("want_to_read");
  });

  it("importing the same file again changes nothing", async () => {
    const me = await member();
    const file = goodreads31({ known: { isbn13: isbn() }, unknownIsbn: isbn() });
    await importDone(server, (await upload(server, me.token, file)).body.id ?? "");
    const shelvesBefore = await me.client.trpc.shelves.mine.query({});
    const copiesBefore = (await me.client.trpc.copies.mine.query({})).items.length;
    const again = await importDone(server, (await upload(server, me.token, file)).body.id ?? "");
    expect([again.unchanged, again.matched, again.created, again.failed]).toEqual([3, 0, 0, 1]);
    expect(await me.client.trpc.shelves.mine.query({})).toEqual(shelvesBefore);
    expect((await me.client.trpc.copies.mine.query({})).items.length).toBe(copiesBefore);
    expect(
      await server.db.select({ n: count() }).from(shelfEntries).where(eq(shelfEntries.userId, me.user.id)),
    ).toEqual([{ n: 3 }]);
  });

  it("reads the older 24-column form by header names", async () => {
    const me = await member();
    const job = await importDone(server, (await upload(server, me.token, goodreads24(isbn()))).body.id ?? "");
    expect([job.created, job.failed]).toEqual([1, 0]);
    const [entry] = (await me.client.trpc.shelves.books.query({})).items;
    expect(entry).toMatchObject({ status: "read", rating: 8, book: { title: "Old Form" } });
    expect((await me.client.trpc.shelves.mine.query({})).items.map((shelf) => shelf.name)).toEqual(["owned-books"]);
  });
});

describe("importing a StoryGraph export", () => {
  it("quarter stars, did-not-finish, Dates Read ranges as re-reads, tags as shelves, owned copies", async () => {
    const me = await member();
    const job = await importDone(server, (await upload(server, me.token, storygraph())).body.id ?? "");
    expect([job.totalRows, job.created, job.failed]).toEqual([2, 2, 0]);
    const books = (await me.client.trpc.shelves.books.query({})).items;
    const middlemarch = books.find((item) => item.book.title === "Middlemarch");
    expect(middlemarch).toMatchObject({ status: "did_not_finish", rating: 5 });
    const dispossessed = books.find((item) => item.book.title === "The Dispossessed");
    const reads = await me.client.trpc.shelves.forBook.query({ bookId: dispossessed?.book.id ?? "" });
    expect((await me.client.trpc.reviews.mine.query({ bookId: dispossessed?.book.id ?? "" }))?.rating).toBe(10);
    expect(reads.reads.map((read) => [read.startedOn, read.finishedOn]).sort()).toEqual([
      ["2021-03-01", "2021-03-05"],
      ["2023-05-20", "2023-06-01"],
    ]);
    expect((await me.client.trpc.copies.mine.query({})).items.map((copy) => copy.book.title)).toEqual(["Middlemarch"]);
  });
});

describe("bad files get a clear error and change nothing", () => {
  it("empty, not UTF-8, not CSV, unknown columns, too many rows, too large, not signed in", async () => {
    const me = await member();
    const header = goodreads24(isbn()).split("\n")[0];
    const cases: [string | Uint8Array, RegExp][] = [
      ["", /empty/],
      [Uint8Array.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]), /not UTF-8/],
      [`${header}\n1,"unclosed,quote\n`, /not valid CSV/],
      ["Name,Writer,Code\nDune,Herbert,1\n", /not a Goodreads or StoryGraph export/],
      [`${header}\n`, /no books/],
      [
        `${header}\n${"1,T,A,,,,,0,,,,,,,,,,,read,,,,0,0\n".repeat(IMPORT_MAX_ROWS + 1)}`,
        /20,001 rows; at most 20,000/,
      ],
      [new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), /at most 10\.0 MB/],
    ];
    for (const [body, message] of cases) {
      const answer = await upload(server, me.token, body);
      expect([answer.status, answer.body.error?.field]).toEqual([400, "file"]);
      expect(answer.body.error?.message).toMatch(message);
    }
    expect((await upload(server, me.token, "Book Id,Title,Exclusive Shelf\n1,T,read\n")).body.error?.message).toBe(
      "This is not a Goodreads export: it has no Author, ISBN, ISBN13, My Rating column",
    );
    expect((await upload(server, null, storygraph())).status).toBe(401);
    expect((await upload(server, me.token, storygraph(), "source=kindle")).status).toBe(400);
    expect(await server.db.$count(importJobs, eq(importJobs.userId, me.user.id))).toBe(0);
  });
});

describe("export", () => {
  it("a Goodreads-compatible CSV that imports back, and JSON with everything", async () => {
    const me = await member();
    await importDone(server, (await upload(server, me.token, storygraph())).body.id ?? "");
    const exported = await me.client.trpc.imports.exportGoodreads.query();
    const rows = parse(exported.csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toHaveLength(31);
    const dnf = rows.find((row) => row.Title === "Middlemarch");
    expect(dnf).toMatchObject({ "Exclusive Shelf": "did-not-finish", "My Rating": "3", "Owned Copies": "1" });
    expect(rows.find((row) => row.Title === "The Dispossessed")).toMatchObject({
      "Date Read": "2023/06/01",
      "Read Count": "2",
    });
    const json = await me.client.trpc.imports.exportJson.query();
    expect(json.entries).toHaveLength(2);
    expect(json.copies).toHaveLength(1);
    // The export is a Goodreads file: another member imports it.
    const other = await member();
    const job = await importDone(server, (await upload(server, other.token, exported.csv)).body.id ?? "");
    expect([job.totalRows, job.failed]).toEqual([2, 0]);
  });
});
