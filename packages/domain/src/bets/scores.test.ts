import { describe, expect, it } from "vitest";
import { acceptsBets, allowsBetCancel, isDueForAutoClose } from "./betting.js";
import { scoreDelta } from "./points.js";
import { clubScore, monthKey, periodKey } from "./scores.js";

describe("scores", () => {
  it("counts earnings only: rewards whole, payouts as profit, never grants, stakes or refunds", () => {
    expect(scoreDelta({ kind: "finish_reward", amount: 50 })).toBe(50);
    expect(scoreDelta({ kind: "attendance_reward", amount: 20 })).toBe(20);
    expect(scoreDelta({ kind: "payout", amount: 150, stake: 100 })).toBe(50);
    expect(scoreDelta({ kind: "refund", amount: 100 })).toBe(0);
    expect(scoreDelta({ kind: "grant", amount: 1000 })).toBe(0);
    expect(scoreDelta({ kind: "stake", amount: -100 })).toBe(0);
  });
  it("raises club points by the finishing rate", () => {
    expect(clubScore({ points: 100, finishers: 0, attendees: 4 })).toBe(100);
    expect(clubScore({ points: 100, finishers: 4, attendees: 4 })).toBe(200);
    expect(clubScore({ points: 100, finishers: 1, attendees: 3 })).toBe(133);
    expect(clubScore({ points: 7, finishers: 0, attendees: 0 })).toBe(7);
  });
  it("names periods by UTC month", () => {
    expect(monthKey(new Date("2026-01-31T23:59:59Z"))).toBe("2026-01");
    expect(periodKey("thisMonth", new Date("2026-11-25T10:00:00Z"))).toBe("2026-11");
    expect(periodKey("allTime", new Date())).toBe("all");
  });
});

describe("betting windows", () => {
  const startsAt = new Date("2026-12-01T18:00:00Z");
  const readingDeadline = new Date("2026-11-30T18:00:00Z");
  it("takes bets while scheduled and before the deadline", () => {
    expect(acceptsBets({ status: "scheduled", readingDeadline }, new Date("2026-11-29T00:00:00Z")).ok).toBe(true);
    expect(acceptsBets({ status: "scheduled", readingDeadline }, readingDeadline).ok).toBe(false);
    expect(acceptsBets({ status: "active", readingDeadline }, new Date("2026-11-29T00:00:00Z")).ok).toBe(false);
  });
  it("lets bets be cancelled until the start", () => {
    expect(allowsBetCancel({ status: "scheduled", startsAt }, new Date("2026-11-30T19:00:00Z")).ok).toBe(true);
    expect(allowsBetCancel({ status: "scheduled", startsAt }, startsAt).ok).toBe(false);
    expect(allowsBetCancel({ status: "cancelled", startsAt }, new Date("2026-11-01T00:00:00Z")).ok).toBe(false);
  });
  it("closes forgotten meetings six hours after their start", () => {
    expect(isDueForAutoClose({ status: "active", startsAt }, new Date("2026-12-02T00:00:00Z"))).toBe(true);
    expect(isDueForAutoClose({ status: "scheduled", startsAt }, new Date("2026-12-01T23:59:59Z"))).toBe(false);
    expect(isDueForAutoClose({ status: "closed", startsAt }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});
