import { describe, expect, it } from "vitest";
import { reviewSpoilerNotice } from "./spoilers.js";

describe("reviewSpoilerNotice", () => {
  it("says where the reader is in the whole book", () => {
    expect(reviewSpoilerNotice({ page: 300, readerPage: 140 })).toBe(
      "A review of the whole book — you are on page 140 of 300",
    );
    expect(reviewSpoilerNotice({ page: 300 })).toBe("A review of the whole book — you are on page 0 of 300");
  });
});
