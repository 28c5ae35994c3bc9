import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanIsbn,
  customShelves,
  detectImportSource,
  GOODREADS_SHELF,
  goodreadsDay,
  goodreadsStars,
  importedRatingHalves,
  missingHeaders,
  normalizeImportRow,
  parseDatesRead,
  parseExportDate,
  statusFromShelf,
} from "./normalize.js";

describe("what export files really contain", () => {
  it('ISBNs wrapped as ="…", ISBN-10s, empty ones, and StoryGraph UIDs that are not ISBNs', () => {
    expect(cleanIsbn('="0441172717"')).toBe("9780441172719");
    expect(cleanIsbn('="9780441172719"')).toBe("9780441172719");
    expect(cleanIsbn('=""')).toBeNull();
    expect(cleanIsbn("sg-5f3c2a1b9d")).toBeNull();
    expect(cleanIsbn("0441172718")).toBeNull();
  });

  it("dates as YYYY/MM/DD; impossible days are no dates", () => {
    expect(parseExportDate("2023/01/05")).toBe("2023-01-05");
    expect(parseExportDate("2023-1-5")).toBe("2023-01-05");
    expect(parseExportDate("2023/02/30")).toBeNull();
    expect(parseExportDate("")).toBeNull();
  });

  it("Dates Read ranges and single days, several reads", () => {
    expect(parseDatesRead("2021/03/01-2021/03/05, 2023/01/20")).toEqual([
      { startedOn: "2021-03-01", finishedOn: "2021-03-05" },
      { startedOn: null, finishedOn: "2023-01-20" },
    ]);
    expect(parseDatesRead("2023/01/20 - 2023/01/05")).toEqual([{ startedOn: null, finishedOn: "2023-01-05" }]);
  });

  it("ratings in half stars: 0 is unrated, whole stars exact, StoryGraph quarter stars to the nearest half", () => {
    expect(importedRatingHalves("0")).toBeNull();
    expect(importedRatingHalves("4")).toBe(8);
    expect(importedRatingHalves("3.75")).toBe(8);
    expect(importedRatingHalves("3.5")).toBe(7);
    expect(importedRatingHalves("0.25")).toBe(1);
    expect(importedRatingHalves("")).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (quarters) => {
        const halves = importedRatingHalves(String(quarters / 4)) ?? 0;
        expect(Math.abs(halves / 2 - quarters / 4)).toBeLessThanOrEqual(0.25);
        expect(halves).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it("exclusive shelves become statuses; positions dropped from custom shelves", () => {
    expect(["read", "currently-reading", "to-read", "did-not-finish", "owned"].map(statusFromShelf)).toEqual([
      "read",
      "reading",
      "want_to_read",
      "did_not_finish",
      null,
    ]);
    expect(customShelves("to-read (#105), favorites (#3), sci-fi", "to-read")).toEqual(["favorites", "sci-fi"]);
    expect(customShelves("", "owned-books")).toEqual(["owned-books"]);
  });

  it("knows each export by its header names, in any order", () => {
    expect(detectImportSource(["Title", "Exclusive Shelf", "Book Id"])).toBe("goodreads");
    expect(detectImportSource(["Read Status", "ISBN/UID", "Title"])).toBe("storygraph");
    expect(detectImportSource(["name", "isbn"])).toBeNull();
    expect(missingHeaders("goodreads", ["Book Id", "Title", "Exclusive Shelf"])).toEqual([
      "Author",
      "ISBN",
      "ISBN13",
      "My Rating",
    ]);
  });
});

describe("normalizeImportRow", () => {
  it("a Goodreads row", () => {
    const row = normalizeImportRow("goodreads", {
      "Book Id": "234225",
      Title: "Dune (Dune, #1)",
      Author: "Frank Herbert",
      "Additional Authors": "",
      ISBN: '="0441172717"',
      ISBN13: '="9780441172719"',
      "My Rating": "5",
      "Number of Pages": "604",
      "Original Publication Year": "1965",
      "Date Read": "2023/01/20",
      Bookshelves: "favorites, sci-fi",
      "Bookshelves with positions": "favorites (#1), sci-fi (#12)",
      "Exclusive Shelf": "read",
      "My Review": "A <b>classic</b>.<br/><br/>Spice, sand, and a boy, read twice",
      "Owned Copies": "2",
    });
    expect(row).toEqual({
      ok: true,
      book: {
        sourceBookId: "234225",
        isbn13: "9780441172719",
        title: "Dune (Dune, #1)",
        authors: ["Frank Herbert"],
        pageCount: 604,
        publishedYear: "1965",
        status: "read",
        rating: 10,
        review: "A <b>classic</b>.<br/><br/>Spice, sand, and a boy, read twice",
        reads: [{ startedOn: null, finishedOn: "2023-01-20", outcome: "read" }],
        shelves: ["favorites", "sci-fi"],
        ownedCopies: 2,
        condition: "good",
      },
    });
  });

  it("a StoryGraph row: quarter stars, did-not-finish, a range of dates, a UID for an id", () => {
    const row = normalizeImportRow("storygraph", {
      Title: "Middlemarch",
      Authors: "George Eliot",
      "ISBN/UID": "sg-9a8b7c",
      "Read Status": "did-not-finish",
      "Dates Read": "2024/02/01-2024/02/10",
      "Star Rating": "2.25",
      Tags: "classics, long",
      "Owned?": "Yes",
    });
    expect(row.ok && row.book).toMatchObject({
      sourceBookId: "sg-9a8b7c",
      isbn13: null,
      status: "did_not_finish",
      rating: 5,
      reads: [{ startedOn: "2024-02-01", finishedOn: "2024-02-10", outcome: "did_not_finish" }],
      shelves: ["classics", "long"],
      ownedCopies: 1,
    });
  });

  it("a row without a title fails with its reason", () => {
    expect(normalizeImportRow("goodreads", { "Book Id": "1", Title: " " })).toEqual({
      ok: false,
      reason: "The row has no title",
    });
  });
});

describe("one mapping both ways: what the Goodreads export writes, the import reads back", () => {
  it("every status's shelf, every day, every whole-star rating", () => {
    for (const [status, shelf] of Object.entries(GOODREADS_SHELF)) expect(statusFromShelf(shelf)).toBe(status);
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), (at) => {
        const day = at.toISOString().slice(0, 10);
        expect(parseExportDate(goodreadsDay(day))).toBe(day);
      }),
      { seed: 15 },
    );
    for (const halves of [2, 4, 6, 8, 10]) expect(importedRatingHalves(goodreadsStars(halves))).toBe(halves);
    expect(goodreadsStars(null)).toBe("0");
    expect(importedRatingHalves(goodreadsStars(null))).toBeNull();
    // Goodreads keeps whole stars: a half star rounds up.
    expect(goodreadsStars(7)).toBe("4");
    expect(goodreadsStars(1)).toBe("1");
  });
});
