import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeProgress, percentRead } from "./rules.js";

const book = fc.integer({ min: 1, max: 5000 });

describe("reading progress rules", () => {
  it("never goes backwards without an explicit correction", () => {
    fc.assert(
      fc.property(book, fc.nat(), fc.nat(), fc.boolean(), (pageCount, a, b, correction) => {
        const current = a % (pageCount + 1);
        const next = b % (pageCount + 1);
        const verdict = judgeProgress({ current, next, pageCount, correction });
        return next < current && !correction ? !verdict.ok : verdict.ok;
      }),
    );
  });

  it("is finished exactly at the last page, and never beyond it", () => {
    fc.assert(
      fc.property(book, fc.nat({ max: 6000 }), (pageCount, next) => {
        const verdict = judgeProgress({ current: null, next, pageCount, correction: false });
        if (next > pageCount) return !verdict.ok;
        return verdict.ok && verdict.finished === (next === pageCount);
      }),
    );
  });

  it("percent is a whole number from 0 to 100, reaching 100 only when finished", () => {
    fc.assert(
      fc.property(book, fc.nat({ max: 5000 }), (pageCount, page) => {
        const percent = percentRead(Math.min(page, pageCount), pageCount);
        return Number.isInteger(percent) && percent >= 0 && percent <= 100 && (percent === 100) === page >= pageCount;
      }),
    );
    expect(percentRead(199, 200)).toBe(99);
  });
});
