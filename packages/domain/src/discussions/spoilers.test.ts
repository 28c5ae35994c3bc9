import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSpoilerPage, type ReaderStanding, spoilerVerdict, standingOf } from "./spoilers.js";

const page = fc.integer({ min: 1, max: 5000 });
const standing: fc.Arbitrary<ReaderStanding> = fc.oneof(
  fc.constant({ kind: "finished" as const }),
  fc.constant({ kind: "not_reading" as const }),
  fc.nat({ max: 5000 }).map((at) => ({ kind: "reading" as const, page: at })),
);

describe("the spoiler guard", () => {
  it("shows a reader exactly the texts at or below their page", () => {
    fc.assert(
      fc.property(page, fc.nat({ max: 5000 }), (about, at) => {
        const verdict = spoilerVerdict(about, { kind: "reading", page: at }, false);
        return verdict.visible === at >= about;
      }),
    );
  });

  it("says which page a collapsed text is about and where the reader is", () => {
    expect(spoilerVerdict(212, { kind: "reading", page: 140 }, false)).toEqual({
      visible: false,
      reason: "ahead",
      page: 212,
      readerPage: 140,
    });
  });

  it("shows everything to finished readers, to authors, and untagged texts to everyone", () => {
    fc.assert(
      fc.property(page, standing, fc.boolean(), (about, reader, isAuthor) => {
        expect(spoilerVerdict(about, { kind: "finished" }, isAuthor).visible).toBe(true);
        expect(spoilerVerdict(about, reader, true).visible).toBe(true);
        expect(spoilerVerdict(null, reader, isAuthor).visible).toBe(true);
      }),
    );
  });

  it("warns members not reading the meeting: every tagged text is collapsed for them", () => {
    fc.assert(
      fc.property(page, (about) => {
        expect(spoilerVerdict(about, { kind: "not_reading" }, false)).toEqual({
          visible: false,
          reason: "not_reading",
          page: about,
        });
      }),
    );
  });

  it("is monotonic: reading further never hides what was shown", () => {
    fc.assert(
      fc.property(fc.option(page, { nil: null }), fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), (about, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const before = spoilerVerdict(about, { kind: "reading", page: low }, false).visible;
        const after = spoilerVerdict(about, { kind: "reading", page: high }, false).visible;
        const finished = spoilerVerdict(about, { kind: "finished" }, false).visible;
        return (!before || after) && (!after || finished);
      }),
    );
  });
});

describe("standing and the default page", () => {
  it("reads the standing from a progress row", () => {
    expect(standingOf(null)).toEqual({ kind: "not_reading" });
    expect(standingOf({ page: 40, finished: false })).toEqual({ kind: "reading", page: 40 });
    expect(standingOf({ page: 300, finished: true })).toEqual({ kind: "finished" });
  });

  it("tags a text with the given page, else the highest page of what it answers, else none", () => {
    fc.assert(
      fc.property(
        fc.option(page, { nil: null }),
        fc.array(fc.option(page, { nil: null }), { maxLength: 2 }),
        (given, answers) => {
          const tagged = defaultSpoilerPage(given, answers);
          if (given !== null) return tagged === given;
          const pages = answers.filter((answered) => answered !== null);
          return tagged === (pages.length > 0 ? Math.max(...pages) : null);
        },
      ),
    );
  });

  it("a reply takes the higher of its thread's and its parent's page; answering untagged texts, none", () => {
    expect(defaultSpoilerPage(undefined, [160, 212])).toBe(212);
    expect(defaultSpoilerPage(undefined, [null, 90])).toBe(90);
    expect(defaultSpoilerPage(null, [null, null])).toBeNull();
    expect(defaultSpoilerPage(undefined, [])).toBeNull();
  });
});
