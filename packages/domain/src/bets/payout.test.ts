import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PoolBet, raceWinners, refundPool, settlePool } from "./payout.js";
import { horseSets, pools } from "./pools.test-support.js";

function payoutOf(bets: PoolBet[], winners: Set<string>) {
  return settlePool(bets, winners).outcomes.reduce((sum, outcome) => sum + outcome.payout, 0);
}

describe("settlePool (pari-mutuel)", () => {
  it("pays out exactly the pool, never more or less", () => {
    fc.assert(
      fc.property(pools, horseSets, (bets, winners) => {
        const pool = bets.reduce((sum, b) => sum + b.stake, 0);
        expect(payoutOf(bets, winners)).toBe(pool);
      }),
    );
  });

  it("gives every winning bet at least its proportional share rounded down, and at most one point more", () => {
    fc.assert(
      fc.property(pools, horseSets, (bets, winners) => {
        const settlement = settlePool(bets, winners);
        if (settlement.kind !== "paid") return;
        const winningStake = bets.filter((b) => winners.has(b.horseId)).reduce((sum, b) => sum + b.stake, 0);
        for (const outcome of settlement.outcomes) {
          const b = bets.find((candidate) => candidate.id === outcome.betId) as PoolBet;
          if (!winners.has(b.horseId)) {
            expect(outcome).toEqual({ betId: b.id, result: "lost", payout: 0 });
            continue;
          }
          const floor = Number((BigInt(settlement.pool) * BigInt(b.stake)) / BigInt(winningStake));
          expect(outcome.result).toBe("won");
          expect(outcome.payout).toBeGreaterThanOrEqual(floor);
          expect(outcome.payout).toBeLessThanOrEqual(floor + 1);
          expect(outcome.payout).toBeGreaterThanOrEqual(b.stake);
        }
      }),
    );
  });

  it("refunds exact stakes when no bet backs a winner", () => {
    fc.assert(
      fc.property(pools, (bets) => {
        const settlement = settlePool(
          bets.filter((b) => b.horseId !== "h1"),
          new Set(["h1"]),
        );
        expect(settlement.kind).toBe("refunded");
        for (const outcome of settlement.outcomes) {
          const b = bets.find((candidate) => candidate.id === outcome.betId) as PoolBet;
          expect(outcome).toEqual({ betId: b.id, result: "refunded", payout: b.stake });
        }
      }),
    );
  });

  it("refunds every stake of a cancelled meeting", () => {
    fc.assert(
      fc.property(pools, (bets) => {
        const settlement = refundPool(bets);
        expect(settlement.outcomes.map((o) => o.payout).sort()).toEqual(bets.map((b) => b.stake).sort());
        expect(settlement.outcomes.every((o) => o.result === "refunded")).toBe(true);
      }),
    );
  });

  it("does not depend on the order of the bets", () => {
    fc.assert(
      fc.property(
        pools.chain((bets) => fc.tuple(fc.constant(bets), fc.shuffledSubarray(bets, { minLength: bets.length }))),
        horseSets,
        ([bets, shuffled], winners) => {
          const byId = (s: ReturnType<typeof settlePool>) =>
            Object.fromEntries(s.outcomes.map((o) => [o.betId, [o.result, o.payout]]));
          expect(byId(settlePool(shuffled, winners))).toEqual(byId(settlePool(bets, winners)));
        },
      ),
    );
  });

  it("gives the rounding remainder to the largest stake, then the earliest bet", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
    const settlement = settlePool(
      [
        { id: "a", horseId: "h1", stake: 1, placedAt: at(1) },
        { id: "b", horseId: "h1", stake: 1, placedAt: at(0) },
        { id: "c", horseId: "h1", stake: 2, placedAt: at(2) },
        { id: "d", horseId: "h2", stake: 3, placedAt: at(3) },
      ],
      new Set(["h1"]),
    );
    // pool 7 over winning stakes 4: floors 1, 1, 3 = 5; two points left: c (largest), then b (earliest).
    const payouts = Object.fromEntries(settlement.outcomes.map((o) => [o.betId, o.payout]));
    expect(payouts).toEqual({ a: 1, b: 2, c: 4, d: 0 });
  });

  it("handles pools whose products pass 2^53", () => {
    const placedAt = new Date("2026-11-01T00:00:00Z");
    const settlement = settlePool(
      [
        { id: "a", horseId: "h1", stake: 999_999_999, placedAt },
        { id: "b", horseId: "h2", stake: 999_999_999, placedAt },
        { id: "c", horseId: "h1", stake: 3, placedAt },
      ],
      new Set(["h1"]),
    );
    expect(settlement.outcomes.reduce((sum, o) => sum + o.payout, 0)).toBe(2_000_000_001);
  });
});

describe("raceWinners", () => {
  const deadline = new Date("2026-11-20T18:00:00Z");
  it("is the earliest finisher within the deadline; exact ties share; late or unfinished never win", () => {
    const t = (iso: string) => new Date(iso);
    expect(
      raceWinners(
        [
          { userId: "a", finishedAt: t("2026-11-19T10:00:00Z") },
          { userId: "b", finishedAt: t("2026-11-18T10:00:00Z") },
          { userId: "c", finishedAt: null },
        ],
        deadline,
      ),
    ).toEqual(new Set(["b"]));
    expect(
      raceWinners(
        [
          { userId: "a", finishedAt: t("2026-11-18T10:00:00Z") },
          { userId: "b", finishedAt: t("2026-11-18T10:00:00Z") },
        ],
        deadline,
      ),
    ).toEqual(new Set(["a", "b"]));
    expect(raceWinners([{ userId: "a", finishedAt: t("2026-11-21T10:00:00Z") }], deadline)).toEqual(new Set());
    expect(raceWinners([{ userId: "a", finishedAt: deadline }], deadline)).toEqual(new Set(["a"]));
  });
});
