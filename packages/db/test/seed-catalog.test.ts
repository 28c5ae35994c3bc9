import { isValidIsbn13 } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { readSeedCatalog, seedBookRow } from "../src/seed/catalog.js";

describe("the seed catalog", () => {
  const catalog = readSeedCatalog();

  it("has a few hundred distinct books, each with a valid ISBN-13, authors, pages and subjects", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(300);
    expect(new Set(catalog.map((book) => book.isbn13)).size).toBe(catalog.length);
    for (const book of catalog) {
      expect(isValidIsbn13(book.isbn13), `${book.title}: ${book.isbn13}`).toBe(true);
      expect(book.title.trim().length, book.isbn13).toBeGreaterThan(0);
      expect(book.authors.length, book.title).toBeGreaterThan(0);
      expect(Number.isInteger(book.pageCount) && book.pageCount >= 40 && book.pageCount <= 1600, book.title).toBe(true);
      expect(book.subjects.length, book.title).toBeGreaterThan(0);
    }
  });

  it("turns each entry into a row with searchable authors, and refuses a bad checksum", () => {
    const row = seedBookRow({ ...(catalog[0] as (typeof catalog)[0]), authors: ["Gabriel  García Márquez"] });
    expect(row).toMatchObject({ authors: ["Gabriel García Márquez"], authorsSearch: "gabriel garcia marquez" });
    expect(() => seedBookRow({ ...(catalog[0] as (typeof catalog)[0]), isbn13: "9780439785968" })).toThrow(
      /invalid ISBN/,
    );
  });
});
