import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closenessRank, handoverState, tradeExpiryCutoff, tradeShapeProblem } from "./rules.js";
import { proposeTradeInput } from "./schemas.js";

describe("trade shape", () => {
  it("N of mine for M of theirs, both at least one", () => {
    expect(tradeShapeProblem({ offered: ["a", "b"], requested: ["c"], gift: false })).toBeNull();
    expect(tradeShapeProblem({ offered: [], requested: ["c"], gift: false })?.field).toBe("offeredCopyIds");
    expect(tradeShapeProblem({ offered: ["a"], requested: [], gift: false })?.field).toBe("requestedCopyIds");
  });

  it("a gift asks for nothing and says so", () => {
    expect(tradeShapeProblem({ offered: ["a"], requested: [], gift: true })).toBeNull();
    expect(tradeShapeProblem({ offered: ["a"], requested: ["b"], gift: true })?.field).toBe("requestedCopyIds");
  });

  it("no copy twice", () => {
    expect(tradeShapeProblem({ offered: ["a"], requested: ["a"], gift: false })?.message).toMatch(/once/);
  });

  it("is valid exactly when offered ≥ 1, requested = 0 ⇔ gift, and all distinct", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uuid(), { maxLength: 4 }),
        fc.array(fc.uuid(), { maxLength: 4 }),
        fc.boolean(),
        (o, r, gift) => {
          const distinct = new Set([...o, ...r]).size === o.length + r.length;
          const ok = o.length >= 1 && (gift ? r.length === 0 : r.length >= 1) && distinct;
          expect(tradeShapeProblem({ offered: o, requested: r, gift }) === null).toBe(ok);
        },
      ),
    );
  });

  it("the input schema applies the rule by field", () => {
    const parsed = proposeTradeInput.safeParse({
      toUserId: crypto.randomUUID(),
      offeredCopyIds: [crypto.randomUUID()],
    });
    expect(parsed.error?.issues[0]?.path).toEqual(["requestedCopyIds"]);
  });
});

describe("expiry, hand-over and closeness", () => {
  it("pending proposals expire after 14 days", () => {
    expect(tradeExpiryCutoff(new Date("2026-03-15T00:00:00Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("hand-over: awaiting until something is sent, complete once everything is received", () => {
    const at = new Date();
    expect(handoverState([{ sentAt: null, receivedAt: null }])).toBe("awaiting");
    expect(
      handoverState([
        { sentAt: at, receivedAt: null },
        { sentAt: null, receivedAt: null },
      ]),
    ).toBe("in_transit");
    expect(
      handoverState([
        { sentAt: at, receivedAt: at },
        { sentAt: null, receivedAt: at },
      ]),
    ).toBe("complete");
    expect(handoverState([])).toBe("awaiting");
  });

  it("friends before club-mates before others", () => {
    expect(closenessRank({ friend: true, clubMate: true })).toBe(0);
    expect(closenessRank({ friend: false, clubMate: true })).toBe(1);
    expect(closenessRank({ friend: false, clubMate: false })).toBe(2);
  });
});
