import SuperJSON from "superjson";
import { describe, expect, it, vi } from "vitest";

/**
 * Booky's patch of `superjson` (patches/, docs/testing.md): a string, boolean, null or finite non-zero number
 * inside an answer is copied as it is, without the walk every other value takes (its path, the rules, the
 * identity maps), unless a registered class or a custom transformer applies to it. The answers are the ones
 * superjson 2.2.6 gives unpatched: the expected values below are what it printed.
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

describe("superjson with Booky's patch", () => {
  it("passes plain leaves through and annotates every other value, as unpatched", () => {
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

  it("looks each plain leaf up once, where the unpatched walk looks twice", () => {
    const superjson = new SuperJSON();
    const lookups = vi.spyOn(superjson.classRegistry, "getIdentifier");

    superjson.serialize({ title: "Dune", pages: 412, done: true, note: null });

    // The object itself once, then one class lookup for each of the string, the number and the boolean
    // (null has no class); superjson 2.2.6 unpatched makes 7: each leaf's walk asks twice.
    expect(lookups).toHaveBeenCalledTimes(4);
  });
});
