import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { READING_STATUSES, SHELF_VISIBILITIES } from "./constants.js";
import {
  canSeeShelf,
  type LatestRead,
  normalizeShelfName,
  readChangeFor,
  readDatesProblem,
  reorderProblem,
  visibleShelfKinds,
} from "./rules.js";
import { setReadingStatusInput } from "./schemas.js";

const today = "2026-03-10";
const open: LatestRead = { id: "r1", startedOn: "2026-03-01", finishedOn: null, outcome: null };
const finished: LatestRead = { id: "r0", startedOn: "2025-01-01", finishedOn: "2025-02-01", outcome: "read" };

describe("status changes and read-throughs", () => {
  it("starting a book opens a read today, or on the given day", () => {
    expect(readChangeFor("reading", null, {}, today)).toEqual({ kind: "open", startedOn: today });
    expect(readChangeFor("reading", null, { startedOn: "2026-03-02" }, today)).toEqual({
      kind: "open",
      startedOn: "2026-03-02",
    });
  });

  it("starting a book read before is a re-read: a new read-through", () => {
    expect(readChangeFor("reading", finished, {}, today)).toEqual({ kind: "open", startedOn: today });
  });

  it("starting a book already being read changes nothing, unless the start day moves", () => {
    expect(readChangeFor("reading", open, {}, today)).toEqual({ kind: "none" });
    expect(readChangeFor("reading", open, { startedOn: "2026-02-01" }, today)).toEqual({
      kind: "restart",
      readId: "r1",
      startedOn: "2026-02-01",
    });
  });

  it("finishing or abandoning closes the open read", () => {
    expect(readChangeFor("read", open, {}, today)).toEqual({
      kind: "close",
      readId: "r1",
      outcome: "read",
      finishedOn: today,
      startedOn: "2026-03-01",
    });
    expect(readChangeFor("did_not_finish", open, { finishedOn: "2026-03-05" }, today)).toMatchObject({
      kind: "close",
      outcome: "did_not_finish",
      finishedOn: "2026-03-05",
    });
  });

  it("marking read with nothing open records a finished read", () => {
    expect(readChangeFor("read", finished, { startedOn: "2026-01-01" }, today)).toEqual({
      kind: "record",
      outcome: "read",
      startedOn: "2026-01-01",
      finishedOn: today,
    });
  });

  it("wanting to read keeps the history", () => {
    for (const latest of [null, open, finished]) {
      expect(readChangeFor("want_to_read", latest, {}, today)).toEqual({ kind: "none" });
    }
  });

  it("never closes a read that is not open, and every close names the open read", () => {
    const read = fc.option(
      fc.record({
        id: fc.constantFrom("a", "b"),
        startedOn: fc.option(fc.constant("2026-01-01")),
        finishedOn: fc.constant(null),
        outcome: fc.constantFrom(null, "read" as const, "did_not_finish" as const),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...READING_STATUSES), read, (status, latest) => {
        const change = readChangeFor(status, latest, {}, today);
        if (change.kind === "close" || change.kind === "restart") {
          expect(latest?.outcome).toBeNull();
          expect(change.readId).toBe(latest?.id);
        }
        if (change.kind === "open") expect(latest?.outcome ?? "closed").not.toBeNull();
      }),
    );
  });

  it("a read cannot finish before it starts", () => {
    expect(readDatesProblem("2026-03-02", "2026-03-01")).toBe("finishedOn");
    expect(readDatesProblem("2026-03-01", "2026-03-01")).toBeNull();
    expect(readDatesProblem(null, "2026-03-01")).toBeNull();
    expect(
      setReadingStatusInput.safeParse({
        bookId: crypto.randomUUID(),
        status: "read",
        startedOn: "2026-03-02",
        finishedOn: "2026-03-01",
      }).error?.issues[0]?.path,
    ).toEqual(["finishedOn"]);
  });
});

describe("shelf visibility", () => {
  it("owners see everything; friends see public and friends-only; others public only", () => {
    expect(visibleShelfKinds("owner")).toEqual(["public", "friends", "private"]);
    expect(visibleShelfKinds("friend")).toEqual(["public", "friends"]);
    expect(visibleShelfKinds("other")).toEqual(["public"]);
  });

  it("whatever a stranger sees, a friend sees too", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHELF_VISIBILITIES), (visibility) => {
        if (canSeeShelf(visibility, "other")) expect(canSeeShelf(visibility, "friend")).toBe(true);
        expect(canSeeShelf(visibility, "owner")).toBe(true);
      }),
    );
  });
});

describe("shelf names and order", () => {
  it("names are trimmed with inner whitespace collapsed", () => {
    expect(normalizeShelfName("  Summer \t  reads ")).toBe("Summer reads");
  });

  it("an order must name every shelf exactly once", () => {
    expect(reorderProblem(["a", "b", "c"], ["c", "a", "b"])).toBeNull();
    expect(reorderProblem(["a", "b"], ["a", "a"])).toBe("a");
    expect(reorderProblem(["a", "b"], ["a", "x"])).toBe("x");
    expect(reorderProblem(["a", "b"], ["a"])).toBe("b");
  });

  it("every permutation is accepted", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1 }), (ids) => {
        expect(reorderProblem(ids, [...ids].reverse())).toBeNull();
      }),
    );
  });
});
