import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptsRsvp, canTransition, isEditable, MEETING_STATUSES, sourcesOf } from "./status.js";

describe("the meeting status machine", () => {
  it("allows exactly scheduled → active → closed, and cancelling before closing", () => {
    const allowed = MEETING_STATUSES.flatMap((from) =>
      MEETING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(["active→cancelled", "active→closed", "scheduled→active", "scheduled→cancelled"]);
  });

  it("closed and cancelled are final, and no status moves to itself", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MEETING_STATUSES), fc.constantFrom(...MEETING_STATUSES), (from, to) => {
        if (from === "closed" || from === "cancelled" || from === to) return !canTransition(from, to);
        return true;
      }),
    );
  });

  it("sourcesOf is the inverse of canTransition", () => {
    for (const to of MEETING_STATUSES) {
      for (const from of MEETING_STATUSES) expect(sourcesOf(to).includes(from)).toBe(canTransition(from, to));
    }
  });

  it("takes answers until it ends, and edits only before it starts", () => {
    expect(MEETING_STATUSES.filter(acceptsRsvp)).toEqual(["scheduled", "active"]);
    expect(MEETING_STATUSES.filter(isEditable)).toEqual(["scheduled"]);
  });
});
