import { books, readSeedCatalog, seedCatalog } from "@booky/db";
import { isbn13To10 } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { allPages } from "./list-support.js";

// Google Books is off (the harness default): everything here is the local catalog.
const server = await startTestServer();
await seedCatalog(server.db);
const reader = await signedUpClient(server);
const { trpc } = reader.client;
const seeded = readSeedCatalog();
const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe("books.search over the local catalog", () => {
  it("finds seeded books by title words and by author, every word a prefix", async () => {
    const catcher = await trpc.books.search.query({ query: "catcher ry" });
    expect(catcher.items[0]?.title).toBe("The Catcher in the Rye");
    expect(catcher.items[0]).toMatchObject({ source: "catalog", authors: ["J.D. Salinger"], pageCount: 277 });
    expect(catcher.remote).toBe("disabled");
    const tolkien = await trpc.books.search.query({ query: "tolkien" });
    expect(tolkien.items.length).toBeGreaterThan(0);
    for (const item of tolkien.items) expect(item.authors.join(" ")).toMatch(/Tolkien/);
  });

  it("ranks a title match above an author match above a description match", async () => {
    await catalogBook(server, { title: "Quillmoor's Garden", authors: ["Ann Other"] });
    await catalogBook(server, { title: "Collected Letters", authors: ["Edwin Quillmoor"] });
    const [described] = await server.db
      .insert(books)
      .values({ title: "Northern Essays", authorsSearch: "", description: "A preface on Quillmoor and others." })
      .returning();
    const found = await trpc.books.search.query({ query: "quillmoor" });
    expect(titles(found.items)).toEqual(["Quillmoor's Garden", "Collected Letters", described?.title]);
  });

  it("ignores accents and case in author names", async () => {
    await catalogBook(server, { title: "Chronicle of a Death Foretold", authors: ["Gabriel García Márquez"] });
    const found = await trpc.books.search.query({ query: "GARCIA marquez" });
    expect(titles(found.items)).toContain("Chronicle of a Death Foretold");
  });

  it("tolerates typos through pg_trgm", async () => {
    const found = await trpc.books.search.query({ query: "catcher in the rey" });
    expect(found.items[0]?.title).toBe("The Catcher in the Rye");
    const author = await trpc.books.search.query({ query: "steinbek" });
    expect(author.items.some((item) => item.authors.includes("John Steinbeck"))).toBe(true);
  });

  it("looks books up by ISBN-13 or ISBN-10 with isbn: or bare", async () => {
    const book = seeded.find((entry) => entry.isbn13.startsWith("978")) ?? seeded[0];
    const isbn10 = isbn13To10(book?.isbn13 ?? "") ?? "";
    for (const query of [`isbn:${book?.isbn13}`, `isbn:${isbn10}`, isbn10]) {
      const found = await trpc.books.search.query({ query });
      expect(found.items.map((item) => item.isbn13)).toEqual([book?.isbn13]);
    }
  });

  it("pages through many matches without repeats or gaps", async () => {
    for (let i = 0; i < 23; i++) await catalogBook(server, { title: `Zephyrine Almanac ${i}` });
    const pages = await allPages((cursor) => trpc.books.search.query({ query: "zephyrine", limit: 10, cursor }));
    const seen = titles(pages.flat());
    expect(pages).toHaveLength(3);
    expect(new Set(seen).size).toBe(23);
  });

  it("refuses bad input with the field named", async () => {
    const badIsbn = await rejectionOf(trpc.books.search.query({ query: "isbn:9780439785968" }));
    expect(badIsbn.data?.code).toBe("BAD_REQUEST");
    expect(badIsbn.data?.zodError?.fieldErrors).toHaveProperty("query");
    const empty = await rejectionOf(trpc.books.search.query({ query: "   " }));
    expect(empty.data?.zodError?.fieldErrors).toHaveProperty("query");
    const cursor = await rejectionOf(trpc.books.search.query({ query: "dune", cursor: "not-a-cursor" }));
    expect(cursor.data?.code).toBe("BAD_REQUEST");
    const tooMany = await rejectionOf(trpc.books.search.query({ query: "dune", limit: 41 }));
    expect(tooMany.data?.zodError?.fieldErrors).toHaveProperty("limit");
  });

  it("finds nothing, without error, for words no book has", async () => {
    const found = await trpc.books.search.query({ query: "xqzvw jjkkq" });
    expect(found).toEqual({ items: [], nextCursor: null, remote: "disabled" });
  });
});

describe("books.get and books.byIsbn", () => {
  it("return the catalog row with its details", async () => {
    const entry = seeded[0];
    const byIsbn = await trpc.books.byIsbn.query({ isbn: entry?.isbn13 ?? "" });
    expect(byIsbn).toMatchObject({ title: entry?.title, pageCount: entry?.pageCount, subjects: entry?.subjects });
    expect(await trpc.books.get.query({ bookId: byIsbn.id })).toEqual(byIsbn);
  });

  it("answer NOT_FOUND for an unknown book and BAD_REQUEST for a malformed id or ISBN", async () => {
    const missing = await rejectionOf(trpc.books.get.query({ bookId: "00000000-0000-4000-8000-000000000000" }));
    expect(missing.data?.code).toBe("NOT_FOUND");
    expect((await rejectionOf(trpc.books.byIsbn.query({ isbn: "9781635575637" }))).data?.code).toBe("NOT_FOUND");
    expect((await rejectionOf(trpc.books.get.query({ bookId: "nope" }))).data?.code).toBe("BAD_REQUEST");
    expect((await rejectionOf(trpc.books.byIsbn.query({ isbn: "12345" }))).data?.zodError?.fieldErrors).toHaveProperty(
      "isbn",
    );
  });
});

describe("books.import without Google Books", () => {
  it("returns a book the catalog has by ISBN without calling out, and answers SERVICE_UNAVAILABLE otherwise", async () => {
    const entry = seeded[1];
    const known = await trpc.books.import.mutate({ isbn: isbn13To10(entry?.isbn13 ?? "") ?? entry?.isbn13 ?? "" });
    expect(known).toMatchObject({ created: false, book: { isbn13: entry?.isbn13 } });
    const before = await server.db.$count(books);
    const unknown = await rejectionOf(trpc.books.import.mutate({ googleVolumeId: "pirnsiVol01" }));
    expect(unknown.data?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await server.db.$count(books)).toBe(before);
  });
});
