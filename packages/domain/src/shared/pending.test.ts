import { describe, expect, it } from "vitest";
import { decidingParty } from "./pending.js";

describe("pending decisions", () => {
  it("the side asked accepts or declines, the side asking cancels, the clock expires", () => {
    expect(decidingParty("accepted")).toBe("recipient");
    expect(decidingParty("declined")).toBe("recipient");
    expect(decidingParty("cancelled")).toBe("sender");
    expect(decidingParty("expired")).toBe("clock");
  });
});
