import { describe, expect, it } from "vitest";
import { fakeVolume } from "./fake-google-books.js";
import { serverWithFakeGoogle } from "./google-books-support.js";
import { signedUpClient } from "./harness.js";

const { fake, server } = await serverWithFakeGoogle();
const { client } = await signedUpClient(server);
const { trpc } = client;

const cover = (id: string, zoom: number) => `http://books.google.com/books/content?id=${id}&img=1&zoom=${zoom}`;

// The volume's own page is complete; a search lists it without page count, description or large covers.
const full = fakeVolume("stonerVol01", {
  title: "Stoner",
  authors: ["John Williams"],
  isbn13: "9781590171998",
  pageCount: 288,
  description: "William Stoner enters the University of Missouri at nineteen.",
  imageLinks: {
    smallThumbnail: cover("stonerVol01", 5),
    thumbnail: cover("stonerVol01", 1),
    extraLarge: cover("stonerVol01", 6),
  },
});
fake.add({
  ...full,
  listedInfo: { title: "Stoner", authors: ["John Williams"], imageLinks: { thumbnail: cover("stonerVol01", 1) } },
});
// Another printing: an `isbn:` search finds it by this ISBN, which its identifiers do not list.
fake.add({
  ...fakeVolume("paperMoon02", { title: "Paper Moon", authors: ["Joe David Brown"], pageCount: 304 }),
  foundByIsbn: ["9780593316993"],
});

describe("importing what a search showed", () => {
  it("imports the full volume, not the search's thinner form, and stores the largest cover over https", async () => {
    const search = await trpc.books.search.query({ query: "stoner williams" });
    const listed = search.items.find((item) => item.googleVolumeId === "stonerVol01");
    expect(listed).toMatchObject({ source: "google", pageCount: null });
    const { book, created } = await trpc.books.import.mutate({ googleVolumeId: "stonerVol01" });
    expect(created).toBe(true);
    expect(book).toMatchObject({
      pageCount: 288,
      description: "William Stoner enters the University of Missouri at nineteen.",
      coverUrl: "https://books.google.com/books/content?id=stonerVol01&img=1&zoom=6",
    });
  });

  it("a later search does not thin a volume cached in full", async () => {
    await trpc.books.search.query({ query: "stoner" });
    const requests = fake.requests.length;
    // Cached in full already: importing it again asks Google nothing.
    const again = await trpc.books.import.mutate({ googleVolumeId: "stonerVol01" });
    expect(again.created).toBe(false);
    expect(fake.requests.length).toBe(requests);
  });

  it("imports by ISBN the volume a search for that ISBN shows, even when its identifiers lack the ISBN", async () => {
    const search = await trpc.books.search.query({ query: "9780593316993" });
    expect(search.items.map((item) => item.googleVolumeId)).toEqual(["paperMoon02"]);
    const imported = await trpc.books.import.mutate({ isbn: "9780593316993" });
    expect(imported).toMatchObject({
      created: true,
      book: { title: "Paper Moon", googleVolumeId: "paperMoon02", isbn13: "9780593316993", pageCount: 304 },
    });
    expect(await trpc.books.byIsbn.query({ isbn: "9780593316993" })).toEqual(imported.book);
  });
});
