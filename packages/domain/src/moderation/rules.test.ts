import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_ACTIONS, SANCTION_DAYS_MAX, SITE_ADMIN_ACTIONS } from "./actions.js";
import {
  actionAllowed,
  inForce,
  moderationNotice,
  sanctionEnd,
  siteActionRefusal,
  suspensionMessage,
  tipsAutoHide,
} from "./rules.js";
import { actInput, suspendInput } from "./schemas.js";

const TARGETS = ["thread", "comment", "member"] as const;
const DAY = 86_400_000;
const now = new Date("2026-12-02T04:00:00Z");

describe("who may take which action", () => {
  it("club admins never suspend or ban; site admins may", () => {
    for (const target of TARGETS) {
      expect(actionAllowed("club", "suspend", target)).toBe(false);
      expect(actionAllowed("club", "ban", target)).toBe(false);
      expect(actionAllowed("site", "suspend", target)).toBe(true);
      expect(actionAllowed("site", "ban", target)).toBe(true);
    }
  });

  it("content is removed from a thread or a comment, never from a member", () => {
    for (const scope of ["club", "site"] as const) {
      expect(actionAllowed(scope, "remove_content", "thread")).toBe(true);
      expect(actionAllowed(scope, "remove_content", "comment")).toBe(true);
      expect(actionAllowed(scope, "remove_content", "member")).toBe(false);
    }
  });

  it("dismiss, warn, mute and remove from the club are open to both scopes on every target", () => {
    for (const action of ["dismiss", "warn", "mute", "remove_from_club"] as const) {
      for (const target of TARGETS) {
        expect(actionAllowed("club", action, target)).toBe(true);
        expect(actionAllowed("site", action, target)).toBe(true);
      }
    }
  });

  it("whatever a club admin may do, a site admin may too", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_ACTIONS), fc.constantFrom(...TARGETS), (action, target) => {
        if (actionAllowed("club", action, target)) expect(actionAllowed("site", action, target)).toBe(true);
        if (SITE_ADMIN_ACTIONS.includes(action)) expect(actionAllowed("club", action, target)).toBe(false);
      }),
    );
  });
});

describe("how long a sanction lasts", () => {
  it("a mute or suspension of n days ends n × 24 hours later", () => {
    expect(sanctionEnd(now, "mute", 1)).toEqual(new Date("2026-12-03T04:00:00Z"));
    expect(sanctionEnd(now, "suspended", 7)).toEqual(new Date("2026-12-09T04:00:00Z"));
  });

  it("a ban has no end, whatever days say", () => {
    expect(sanctionEnd(now, "banned", null)).toBeNull();
    expect(sanctionEnd(now, "banned", 30)).toBeNull();
  });

  it("a mute or suspension without whole, positive days is refused", () => {
    for (const days of [null, 0, -1, 1.5, Number.NaN]) {
      expect(() => sanctionEnd(now, "mute", days)).toThrow(RangeError);
      expect(() => sanctionEnd(now, "suspended", days)).toThrow(RangeError);
    }
  });

  it("ends strictly after it starts, and longer sanctions end later", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.integer({ min: 1, max: SANCTION_DAYS_MAX }),
        fc.integer({ min: 1, max: SANCTION_DAYS_MAX }),
        (start, a, b) => {
          const endA = sanctionEnd(start, "suspended", a)?.getTime() ?? 0;
          const endB = sanctionEnd(start, "mute", b)?.getTime() ?? 0;
          expect(endA - start.getTime()).toBe(a * DAY);
          expect(Math.sign(endA - endB)).toBe(Math.sign(a - b));
        },
      ),
    );
  });
});

describe("when a sanction is in force", () => {
  it("until its end, not at it: the end instant is already free", () => {
    const end = new Date(now.getTime() + DAY);
    expect(inForce(end, now)).toBe(true);
    expect(inForce(end, new Date(end.getTime() - 1))).toBe(true);
    expect(inForce(end, end)).toBe(false);
    expect(inForce(end, new Date(end.getTime() + 1))).toBe(false);
  });

  it("a ban (no end) is always in force", () => {
    fc.assert(fc.property(fc.date({ noInvalidDate: true }), (at) => inForce(null, at)));
  });

  it("a sanction of n days is in force for exactly its n days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 400 * DAY }), (days, elapsed) => {
        const end = sanctionEnd(now, "suspended", days);
        expect(inForce(end, new Date(now.getTime() + elapsed))).toBe(elapsed < days * DAY);
      }),
    );
  });
});

describe("auto-hide", () => {
  it("the report that reaches the threshold hides the text; those before and after do not", () => {
    expect(tipsAutoHide(2, 3)).toBe(false);
    expect(tipsAutoHide(3, 3)).toBe(true);
    expect(tipsAutoHide(4, 3)).toBe(false);
    expect(tipsAutoHide(1, 1)).toBe(true);
  });

  it("a threshold of 0 turns it off", () => {
    for (const count of [0, 1, 3, 100]) expect(tipsAutoHide(count, 0)).toBe(false);
  });

  it("counting reports one by one from 1 tips exactly once for any threshold ≥ 1, and never when off", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 100 }), (threshold, reports) => {
        const tips = Array.from({ length: reports }, (_, index) => tipsAutoHide(index + 1, threshold));
        const expected = threshold > 0 && reports >= threshold ? 1 : 0;
        expect(tips.filter(Boolean)).toHaveLength(expected);
      }),
    );
  });
});

describe("the site-role guard", () => {
  it("an admin never acts on their own account, even with other admins about", () => {
    expect(siteActionRefusal("a", "a", { isAdmin: true }, 5)).toBe("self");
    expect(siteActionRefusal("a", "a", { isAdmin: false }, 0)).toBe("self");
  });

  it("the last active admin is never the target", () => {
    expect(siteActionRefusal("a", "b", { isAdmin: true }, 0)).toBe("last_admin");
    expect(siteActionRefusal("a", "b", { isAdmin: true }, 1)).toBeNull();
  });

  it("a member who is not an admin may be acted on whatever the admin count", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.nat(10), (actor, target, admins) => {
        fc.pre(actor !== target);
        expect(siteActionRefusal(actor, target, { isAdmin: false }, admins)).toBeNull();
      }),
    );
  });
});

describe("what a moderated text shows", () => {
  it("readers see the notice; only the author sees the reason", () => {
    expect(moderationNotice("removed", "Spoils the ending", false)).toEqual({
      state: "removed",
      notice: "Removed by the moderators",
      reason: null,
    });
    expect(moderationNotice("removed", "Spoils the ending", true).reason).toBe("Spoils the ending");
    expect(moderationNotice("hidden", null, true)).toEqual({
      state: "hidden",
      notice: "Hidden pending review",
      reason: null,
    });
  });
});

describe("what a suspended member reads at log-in", () => {
  it("a suspension names its end, the reason and how to appeal", () => {
    const end = new Date("2026-12-09T04:00:00Z");
    const message = suspensionMessage("suspended", "Spam", end);
    expect(message).toContain("suspended until 2026-12-09T04:00:00.000Z");
    expect(message).toContain("Reason: Spam.");
    expect(message).toMatch(/To appeal/);
  });

  it("a ban says permanently, with or without an end date", () => {
    expect(suspensionMessage("banned", "Abuse", null)).toContain("permanently banned");
    expect(suspensionMessage("banned", "Abuse", now)).toContain("permanently banned");
    expect(suspensionMessage("suspended", "Abuse", null)).toContain("permanently banned");
  });
});

describe("the action inputs", () => {
  const caseId = "7d4f4f8e-6f0a-4d5e-9a51-0f5b8a3c2e11";

  it("a mute or suspension needs its days; other actions do not", () => {
    expect(actInput.safeParse({ caseId, action: "mute", reason: "Flaming" }).success).toBe(false);
    expect(actInput.safeParse({ caseId, action: "mute", reason: "Flaming", days: 3 }).success).toBe(true);
    expect(actInput.safeParse({ caseId, action: "warn", reason: "Flaming" }).success).toBe(true);
    expect(suspendInput.safeParse({ userId: caseId, kind: "suspended", reason: "Spam" }).success).toBe(false);
    expect(suspendInput.safeParse({ userId: caseId, kind: "banned", reason: "Spam" }).success).toBe(true);
  });

  it("days are whole, from 1 to the longest sanction; a reason has at least 3 characters", () => {
    const act = (days: number, reason = "Flaming") => actInput.safeParse({ caseId, action: "mute", reason, days });
    expect(act(0).success).toBe(false);
    expect(act(1.5).success).toBe(false);
    expect(act(SANCTION_DAYS_MAX).success).toBe(true);
    expect(act(SANCTION_DAYS_MAX + 1).success).toBe(false);
    expect(act(1, "no").success).toBe(false);
  });
});
