import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authorsSearchText, foldForSearch, normalizeAuthors, parseBookQuery, prefixTsQuery } from "./search.js";

describe("search text", () => {
  it("folds accents, case and punctuation", () => {
    expect(foldForSearch("  García MÁRQUEZ, Gabriel! ")).toBe("garcia marquez gabriel");
    expect(authorsSearchText(["J.K. Rowling", " Mary  GrandPré "])).toBe("j k rowling mary grandpre");
  });

  it("normalises authors and drops repeats that differ only in case, accents or spacing", () => {
    expect(normalizeAuthors([" Leo  Tolstoy", "leo tolstoy", "Léo Tolstoy", "", "Aylmer Maude"])).toEqual([
      "Leo Tolstoy",
      "Aylmer Maude",
    ]);
  });

  it("builds a prefix tsquery of at most 8 words that no input can break", () => {
    expect(prefixTsQuery("The Lord of the Rings")).toBe("the:* & lord:* & of:* & the:* & rings:*");
    expect(prefixTsQuery("'); drop table books; --")).toBe("drop:* & table:* & books:*");
    expect(prefixTsQuery("!!! ???")).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const tsquery = prefixTsQuery(query);
        return (
          tsquery === null || (/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*){0,7}$/u.test(tsquery) && !/\p{M}/u.test(tsquery))
        );
      }),
    );
  });
});

describe("book queries", () => {
  it("reads isbn: and bare ISBNs as ISBN look-ups, anything else as text", () => {
    expect(parseBookQuery("isbn:0-439-78596-0")).toEqual({ kind: "isbn", isbn13: "9780439785969" });
    expect(parseBookQuery("978-0-14-303500-8")).toEqual({ kind: "isbn", isbn13: "9780143035008" });
    expect(parseBookQuery("1984")).toEqual({ kind: "text", text: "1984" });
    expect(parseBookQuery(" anna karenina ")).toEqual({ kind: "text", text: "anna karenina" });
  });

  it("refuses an isbn: query whose ISBN is invalid", () => {
    expect(parseBookQuery("isbn:9780439785968")).toBeNull();
    expect(parseBookQuery("isbn:")).toBeNull();
  });
});
