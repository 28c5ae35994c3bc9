import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isbn10To13, isbn13To10, isValidIsbn10, isValidIsbn13, parseIsbn } from "./isbn.js";

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
/** A random valid ISBN-13 (978/979 prefix, correct check digit). */
const isbn13 = fc.tuple(fc.constantFrom("978", "979"), digits(9)).map(([prefix, rest]) => {
  const first12 = `${prefix}${rest.join("")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${first12}${(10 - (sum % 10)) % 10}`;
});

describe("ISBN checksums", () => {
  it("accepts real ISBNs and their hyphenated forms", () => {
    expect(isValidIsbn13("9780439785969")).toBe(true); // Harry Potter and the Half-Blood Prince
    expect(isValidIsbn13("978-0-14-303500-8")).toBe(true); // Anna Karenina, Penguin Classics
    expect(isValidIsbn10("043965548X")).toBe(true); // Prisoner of Azkaban: X check digit
    expect(isValidIsbn10("0-618-34625-2")).toBe(true);
  });

  it("refuses a wrong check digit, a wrong length, letters and an unknown prefix", () => {
    expect(isValidIsbn13("9780439785968")).toBe(false);
    expect(isValidIsbn13("978043978596")).toBe(false);
    expect(isValidIsbn13("97804397859X9")).toBe(false);
    expect(isValidIsbn13("9770439785963")).toBe(false);
    expect(isValidIsbn10("0439655481")).toBe(false);
    expect(isValidIsbn10("X439655480")).toBe(false);
  });

  it("detects every single-digit error in an ISBN-13", () => {
    fc.assert(
      fc.property(isbn13, fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 9 }), (isbn, position, delta) => {
        const changed = (Number(isbn[position]) + delta) % 10;
        const typo = `${isbn.slice(0, position)}${changed}${isbn.slice(position + 1)}`;
        return isValidIsbn13(isbn) && !isValidIsbn13(typo);
      }),
    );
  });
});

describe("ISBN conversion", () => {
  it("converts ISBN-10 to ISBN-13 and back", () => {
    expect(isbn10To13("043965548X")).toBe("9780439655484");
    expect(isbn13To10("9780439655484")).toBe("043965548X");
    expect(isbn13To10("9791032305690")).toBeNull(); // 979 has no ISBN-10
    expect(isbn10To13("0439655481")).toBeNull();
  });

  it("round-trips every 978 ISBN-13 through ISBN-10", () => {
    fc.assert(
      fc.property(
        isbn13.filter((isbn) => isbn.startsWith("978")),
        (isbn) => {
          const ten = isbn13To10(isbn);
          return ten !== null && isValidIsbn10(ten) && isbn10To13(ten) === isbn;
        },
      ),
    );
  });

  it("parses any accepted spelling to the canonical ISBN-13, and nothing else", () => {
    expect(parseIsbn(" ISBN 978-0-439-78596-9 ")).toBe("9780439785969");
    expect(parseIsbn("isbn:0439785960")).toBe("9780439785969");
    expect(parseIsbn("0-439-78596-0")).toBe("9780439785969");
    expect(parseIsbn("9780439785968")).toBeNull();
    expect(parseIsbn("harry potter")).toBeNull();
    fc.assert(fc.property(isbn13, (isbn) => parseIsbn(isbn) === isbn));
    fc.assert(fc.property(fc.string(), (text) => parseIsbn(text) === null || isValidIsbn13(parseIsbn(text) ?? "")));
  });
});
