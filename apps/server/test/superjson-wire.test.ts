import SuperJSON from "superjson";
import { describe, expect, it } from "vitest";

/**
 * The wire format of superjson, which every tRPC client of Booky reads (the web app, `@booky/client` in programs
 * already installed): 2.2.7 rewrote the walk (docs/benchmarks.md), and its answers must stay the ones 2.2.6
 * printed. The expected values below are what 2.2.6 printed.
 */
const book = () => ({
  title: "Dune",
  pages: 412,
  rating: 4.5,
  done: false,
  note: null,
  zero: 0,
  minusZero: -0,
  notANumber: Number.NaN,
  infinite: Number.NEGATIVE_INFINITY,
  missing: undefined,
  big: 10n,
  at: new Date(0),
  tags: ["sf", 1, null, -0],
});

describe("superjson's wire format", () => {
  it("passes plain leaves through and annotates every other value", () => {
    const sent = new SuperJSON().serialize(book());

    expect(sent).toEqual({
      json: {
        title: "Dune",
        pages: 412,
        rating: 4.5,
        done: false,
        note: null,
        zero: 0,
        minusZero: "-0",
        notANumber: "NaN",
        infinite: "-Infinity",
        missing: null,
        big: "10",
        at: "1970-01-01T00:00:00.000Z",
        tags: ["sf", 1, null, "-0"],
      },
      meta: {
        values: {
          minusZero: ["number"],
          notANumber: ["number"],
          infinite: ["number"],
          missing: ["undefined"],
          big: ["bigint"],
          at: ["Date"],
          "tags.3": ["number"],
        },
        v: 1,
      },
    });
    const back = new SuperJSON().deserialize<ReturnType<typeof book>>(sent);
    expect(Object.is(back.minusZero, -0)).toBe(true);
    expect(Object.is(back.zero, 0)).toBe(true);
    expect(back.at).toEqual(new Date(0));
  });

  it("still offers every leaf to the custom transformers", () => {
    const superjson = new SuperJSON();
    superjson.registerCustom<string, string>(
      {
        isApplicable: (v): v is string => typeof v === "string" && v.startsWith("money:"),
        serialize: (v) => v.slice("money:".length),
        deserialize: (v) => `money:${v}`,
      },
      "money",
    );
    superjson.registerCustom<null, string>(
      { isApplicable: (v): v is null => v === null, serialize: () => "nothing", deserialize: () => null },
      "nothing",
    );

    const sent = superjson.serialize({ price: "money:12", title: "Dune", note: null });

    expect(sent).toEqual({
      json: { price: "12", title: "Dune", note: "nothing" },
      meta: { values: { price: [["custom", "money"]], note: [["custom", "nothing"]] }, v: 1 },
    });
    expect(superjson.deserialize(sent)).toEqual({ price: "money:12", title: "Dune", note: null });
  });

  it("annotates shared objects, sets, maps and dotted keys, and reads them back", () => {
    const author = { name: "Frank Herbert", born: new Date(Date.UTC(1920, 9, 8)) };
    const shelf = {
      books: [
        { title: "Dune", author },
        { title: "Dune Messiah", author },
      ],
      readers: new Set(["ada", "bruno"]),
      pages: new Map([
        ["ada", 120],
        ["bruno", 0],
      ]),
      "a.b": [new Date(0), undefined],
    };

    const sent = new SuperJSON().serialize(shelf);

    const born = "1920-10-08T00:00:00.000Z";
    expect(sent).toEqual({
      json: {
        books: [
          { title: "Dune", author: { name: "Frank Herbert", born } },
          { title: "Dune Messiah", author: { name: "Frank Herbert", born } },
        ],
        readers: ["ada", "bruno"],
        pages: [
          ["ada", 120],
          ["bruno", 0],
        ],
        "a.b": ["1970-01-01T00:00:00.000Z", null],
      },
      meta: {
        values: {
          "books.0.author.born": ["Date"],
          "books.1.author.born": ["Date"],
          readers: ["set"],
          pages: ["map"],
          "a\\.b.0": ["Date"],
          "a\\.b.1": ["undefined"],
        },
        referentialEqualities: { "books.0.author": ["books.1.author"] },
        v: 1,
      },
    });
    const back = new SuperJSON().deserialize<typeof shelf>(JSON.parse(JSON.stringify(sent)));
    expect(back).toEqual(shelf);
    expect(back.books[0]?.author).toBe(back.books[1]?.author);
  });
});
