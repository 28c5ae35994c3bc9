import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { revealsProgress } from "../progress/rules.js";
import { acceptsBetOn, allowsRacingChange } from "./betting.js";
import { raceWinners, refundsOnLeaving, settlePool } from "./payout.js";
import { horseSets, horses, pools } from "./pools.test-support.js";

const deadline = new Date("2026-06-30T00:00:00Z");
const attendees = fc.array(
  fc.record({
    userId: fc.constantFrom(...horses),
    racing: fc.boolean(),
    finishedAt: fc.option(fc.date({ min: new Date("2026-06-01"), max: new Date("2026-07-10"), noInvalidDate: true })),
  }),
  { maxLength: 8 },
);

const paid = (outcomes: { payout: number }[]) => outcomes.reduce((sum, outcome) => sum + outcome.payout, 0);

describe("leaving the race (refundsOnLeaving)", () => {
  it("refunds every bet on a leaving horse in full, and refunds plus the later settlement pay exactly the pool", () => {
    fc.assert(
      fc.property(pools, horseSets, horseSets, (bets, leaving, winners) => {
        const pool = bets.reduce((sum, b) => sum + b.stake, 0);
        const { refunded, remaining } = refundsOnLeaving(bets, leaving);
        for (const outcome of refunded.outcomes) {
          const original = bets.find((b) => b.id === outcome.betId);
          expect(original && leaving.has(original.horseId)).toBe(true);
          expect(outcome).toEqual({ betId: outcome.betId, result: "refunded", payout: original?.stake });
        }
        // A horse who left cannot win what is left.
        const stillRacing = new Set([...winners].filter((horse) => !leaving.has(horse)));
        const later = settlePool(remaining, stillRacing);
        expect(paid(refunded.outcomes) + paid(later.outcomes)).toBe(pool);
        // Every bet has exactly one outcome.
        const ids = [...refunded.outcomes, ...later.outcomes].map((outcome) => outcome.betId).sort();
        expect(ids).toEqual(bets.map((b) => b.id).sort());
      }),
    );
  });

  it("refunds nothing twice: leaving again finds no bet left on the horse", () => {
    fc.assert(
      fc.property(pools, horseSets, (bets, leaving) => {
        const once = refundsOnLeaving(bets, leaving);
        const twice = refundsOnLeaving(once.remaining, leaving);
        expect(twice.refunded.outcomes).toEqual([]);
        expect(twice.remaining).toEqual(once.remaining);
      }),
    );
  });
});

describe("hidden members in the race", () => {
  it("never makes a member reading without racing a winner, and racers win as before", () => {
    fc.assert(
      fc.property(attendees, (rows) => {
        const winners = raceWinners(rows, deadline);
        for (const winner of winners) {
          expect(rows.some((row) => row.userId === winner && row.racing)).toBe(true);
        }
        expect(winners).toEqual(
          raceWinners(
            rows.filter((row) => row.racing),
            deadline,
          ),
        );
      }),
    );
  });

  it("conserves the pool when hidden members are among the finishers", () => {
    fc.assert(
      fc.property(pools, attendees, (bets, rows) => {
        const hidden = new Set(rows.filter((row) => !row.racing).map((row) => row.userId));
        const { refunded, remaining } = refundsOnLeaving(bets, hidden);
        const settlement = settlePool(remaining, raceWinners(rows, deadline));
        expect(paid(refunded.outcomes) + paid(settlement.outcomes)).toBe(bets.reduce((sum, b) => sum + b.stake, 0));
      }),
    );
  });

  it("shows a member's page to themselves always, and to others only while they race", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.boolean(), (viewer, member, racing) => {
        expect(revealsProgress(viewer, { userId: viewer, racing })).toBe(true);
        expect(revealsProgress(viewer === member ? null : viewer, { userId: member, racing })).toBe(racing);
      }),
    );
  });
});

describe("who can be bet on (acceptsBetOn)", () => {
  const racer = { attends: true, racing: true, finished: false };
  it("takes a bet only on an attending racer who has not finished, in a club that bets", () => {
    expect(acceptsBetOn({ bettingEnabled: true }, racer)).toEqual({ ok: true });
    expect(acceptsBetOn({ bettingEnabled: false }, racer)).toMatchObject({ ok: false, reason: /turned betting off/ });
    expect(acceptsBetOn({ bettingEnabled: true }, null)).toMatchObject({ ok: false, reason: /attending/ });
    expect(acceptsBetOn({ bettingEnabled: true }, { ...racer, racing: false })).toMatchObject({
      ok: false,
      reason: /without racing/,
    });
    expect(acceptsBetOn({ bettingEnabled: true }, { ...racer, finished: true })).toMatchObject({
      ok: false,
      reason: /already finished/,
    });
  });

  it("lets members join or leave the race until the meeting ends", () => {
    expect(allowsRacingChange("scheduled").ok).toBe(true);
    expect(allowsRacingChange("active").ok).toBe(true);
    expect(allowsRacingChange("closed").ok).toBe(false);
    expect(allowsRacingChange("cancelled").ok).toBe(false);
  });
});
