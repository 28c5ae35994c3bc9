import { books, googleBooksQueries, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { createBookMetadata } from "../src/services/books/book-metadata.js";
import { createGoogleBooksCache } from "../src/services/books/google-books-cache.js";
import { catalogBook } from "./catalog.js";
import { fakeVolume } from "./fake-google-books.js";
import { metric, serverWithFakeGoogle } from "./google-books-support.js";
import { rejectionOf, signedUpClient } from "./harness.js";
import { allPages } from "./list-support.js";

const { fake, server } = await serverWithFakeGoogle();
const reader = await signedUpClient(server);
const { trpc } = reader.client;
const volumeCalls = () => fake.requests.filter((request) => request.path.startsWith("/books/v1/volumes")).length;

describe("books.search with Google Books", () => {
  it("lists catalog books first, then Google volumes the catalog lacks, marked as such", async () => {
    await catalogBook(server, { title: "Project Hail Mary", authors: ["Andy Weir"], isbn13: "9780593135204" });
    await catalogBook(server, { title: "The Martian", authors: ["Andy Weir"] });
    fake.add(fakeVolume("martianV007", { title: "The Martian", authors: ["Andy Weir"], pageCount: 369 }));
    const found = await trpc.books.search.query({ query: "andy weir" });
    expect(found.remote).toBe("ok");
    // Both catalog books match equally well (by author): first, in either order; then Google's.
    const [first, second, ...rest] = found.items.map((item) => `${item.source}:${item.title}`);
    expect([first, second].sort()).toEqual(["catalog:Project Hail Mary", "catalog:The Martian"]);
    // Google's "Project Hail Mary" has the catalog's ISBN: not listed twice.
    expect(rest).toEqual(["google:The Martian"]);
    expect(found.items[2]).toMatchObject({ bookId: null, googleVolumeId: "martianV007", pageCount: 369 });
    const request = fake.requests.at(-1);
    expect(request?.query.get("q")).toBe("andy weir");
    expect(request?.query.get("maxResults")).toBe("20");
  });

  it("maps volumes: ISBN-13 or converted ISBN-10, https covers, categories as subjects", async () => {
    const found = await trpc.books.search.query({ query: "dune" });
    expect(found.items).toEqual([
      {
        source: "google",
        bookId: null,
        googleVolumeId: "duneAceV005",
        title: "Dune",
        subtitle: null,
        authors: ["Frank Herbert"],
        coverUrl: "https://books.google.com/books/content?id=duneAceV005&printsec=frontcover&img=1&zoom=1",
        pageCount: 535,
        isbn13: "9780441172719",
        publishedDate: "1990",
      },
    ]);
  });

  it("answers a repeated search from the PostgreSQL cache, shared by every server process", async () => {
    await trpc.books.search.query({ query: "klara sun" });
    const calls = volumeCalls();
    const hitsBefore = await metric(server.url, "booky_google_books_cache_lookups_total", {
      kind: "query",
      result: "hit",
    });
    const again = await trpc.books.search.query({ query: "  Klara SUN " });
    expect(again.items.map((item) => item.title)).toEqual(["Klara and the Sun"]);
    expect(volumeCalls()).toBe(calls);
    expect(await metric(server.url, "booky_google_books_cache_lookups_total", { kind: "query", result: "hit" })).toBe(
      hitsBefore + 1,
    );

    // Another process: its own client and metrics, the same database.
    const { Registry } = await import("prom-client");
    const other = createBookMetadata({
      config: server.config,
      db: server.db,
      registry: new Registry(),
      log: server.app.log,
    });
    const shared = await other.search("klara sun", 0);
    expect(shared.status === "ok" && shared.page.volumes.map((volume) => volume.title)).toEqual(["Klara and the Sun"]);
    expect(volumeCalls()).toBe(calls);
  });

  it("pages through Google results with startIndex, after the catalog runs out", async () => {
    for (let i = 0; i < 45; i++)
      fake.add(fakeVolume(`serialV${String(i).padStart(3, "0")}`, { title: `Tideglass Serial ${i}` }));
    await catalogBook(server, { title: "Tideglass Companion" });
    const pages = await allPages((cursor) => trpc.books.search.query({ query: "tideglass", limit: 15, cursor }), 20);
    const seen = pages.flat().map((item) => `${item.source}:${item.title}`);
    expect(seen[0]).toBe("catalog:Tideglass Companion");
    expect(seen.filter((item) => item.startsWith("google:"))).toHaveLength(45);
    expect(new Set(seen).size).toBe(46);
    const starts = fake.requests
      .filter((request) => request.query.get("q") === "tideglass")
      .map((r) => r.query.get("startIndex"));
    expect(starts).toEqual(["0", "20", "40"]);
  });

  it("skips unusable items in an otherwise good answer", async () => {
    fake.add({ id: "noTitleV008", volumeInfo: { authors: ["Nobody"], pageCount: "many" } } as never);
    fake.add(fakeVolume("oddFieldV09", { title: "Nobody's Odd Fields", pageCount: -4, authors: "Nobody" as never }));
    const found = await trpc.books.search.query({ query: "nobody" });
    expect(found.items.map((item) => [item.title, item.pageCount, item.authors])).toEqual([
      ["Nobody's Odd Fields", null, []],
    ]);
  });
});

describe("books.import", () => {
  it("imports a Google volume once: the second import returns the same book", async () => {
    const first = await trpc.books.import.mutate({ googleVolumeId: "duneAceV005" });
    const second = await trpc.books.import.mutate({ googleVolumeId: "duneAceV005" });
    expect(first).toMatchObject({ created: true, book: { title: "Dune", isbn13: "9780441172719", pageCount: 535 } });
    expect(second).toEqual({ ...first, created: false });
    const search = await trpc.books.search.query({ query: "dune" });
    expect(search.items.map((item) => [item.source, item.bookId])).toEqual([["catalog", first.book.id]]);
  });

  it("imports by ISBN-10 or ISBN-13 into one row, and books.byIsbn finds it", async () => {
    const byTen = await trpc.books.import.mutate({ isbn: "0-593-31817-X" });
    const byThirteen = await trpc.books.import.mutate({ isbn: "978-0-593-31817-1" });
    expect(byTen.book).toMatchObject({
      title: "Klara and the Sun",
      subtitle: "A novel",
      googleVolumeId: "klaraSunV02",
    });
    expect(byThirteen).toEqual({ book: byTen.book, created: false });
    expect(await trpc.books.byIsbn.query({ isbn: "9780593318171" })).toEqual(byTen.book);
  });

  it("of two imports racing for the same volume, both get the one book", async () => {
    const before = await server.db.$count(books);
    const [a, b] = await Promise.all([
      trpc.books.import.mutate({ googleVolumeId: "ministryV03" }),
      reader.client.trpc.books.import.mutate({ googleVolumeId: "ministryV03" }),
    ]);
    expect(a.book.id).toBe(b.book.id);
    expect(await server.db.$count(books)).toBe(before + 1);
  });

  it("links a catalog book with the same ISBN instead of duplicating it", async () => {
    const local = await catalogBook(server, {
      title: "Piranesi",
      authors: ["Susanna Clarke"],
      isbn13: "9781635575637",
    });
    const imported = await trpc.books.import.mutate({ googleVolumeId: "pirnsiVol01" });
    expect(imported).toMatchObject({ created: false, book: { id: local.id, googleVolumeId: "pirnsiVol01" } });
  });

  it("answers NOT_FOUND for a volume or ISBN Google does not know, BAD_REQUEST for a malformed one, and adds nothing", async () => {
    const before = await server.db.$count(books);
    expect((await rejectionOf(trpc.books.import.mutate({ googleVolumeId: "unknownVol1" }))).data?.code).toBe(
      "NOT_FOUND",
    );
    expect((await rejectionOf(trpc.books.import.mutate({ isbn: "9780000000002" }))).data?.code).toBe("NOT_FOUND");
    const bad = await rejectionOf(trpc.books.import.mutate({ googleVolumeId: "../../etc" }));
    expect(bad.data?.code).toBe("BAD_REQUEST");
    expect(await server.db.$count(books)).toBe(before);
  });

  it("a volume without a page count can be imported; a meeting about it must give its pages", async () => {
    const { book } = await trpc.books.import.mutate({ googleVolumeId: "noIsbnVol06" });
    expect(book).toMatchObject({ isbn13: null, pageCount: null });
    const club = await trpc.clubs.create.mutate({ name: "Garden Readers", category: "non_fiction", isOnline: true });
    const missing = await rejectionOf(
      trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: book.id,
        startsAt: new Date(Date.now() + 86_400_000),
        place: "Shed",
      }),
    );
    expect(missing.data?.zodError?.fieldErrors).toHaveProperty("bookPageCount");
  });
});

describe("the cache", () => {
  it("ignores expired rows and purges them", async () => {
    await server.db.insert(googleBooksQueries).values({
      queryKey: "expired|0|20",
      volumeIds: ["pirnsiVol01"],
      totalItems: 1,
      expiresAt: new Date(Date.now() - 1000),
    });
    const cache = createGoogleBooksCache(server.db, 60);
    expect(await cache.getQuery("expired|0|20")).toBeNull();
    expect(await cache.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await server.db.$count(googleBooksQueries, sql`${googleBooksQueries.queryKey} = 'expired|0|20'`)).toBe(0);
  });

  it("reports this file's cache hit ratio in the metrics", async () => {
    const hits = await metric(server.url, "booky_google_books_cache_lookups_total", { kind: "query", result: "hit" });
    const misses = await metric(server.url, "booky_google_books_cache_lookups_total", {
      kind: "query",
      result: "miss",
    });
    console.log(
      `Google Books query cache in this file: ${hits} hits, ${misses} misses (${((100 * hits) / (hits + misses)).toFixed(0)}% hits)`,
    );
    expect(hits).toBeGreaterThan(0);
    expect(misses).toBeGreaterThan(0);
  });

  it("holds one row per query page, with volume ids in Google's order", async () => {
    const [row] = await server.db
      .select()
      .from(googleBooksQueries)
      .where(sql`${googleBooksQueries.queryKey} like 'tideglass|0|%'`);
    expect(row?.volumeIds.slice(0, 2)).toEqual(["serialV000", "serialV001"]);
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });
});
