import fc from "fast-check";

/** The horses of the generated races, and bets on them: the pools the payout and race-choice properties run on. */
export const horses = ["h1", "h2", "h3", "h4"];
const bet = fc.record({
  id: fc.uuid(),
  horseId: fc.constantFrom(...horses),
  stake: fc.integer({ min: 1, max: 1_000_000 }),
  placedAt: fc.date({ min: new Date("2026-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
});
export const pools = fc.uniqueArray(bet, { selector: (b) => b.id, minLength: 0, maxLength: 40 });
/** Any set of the horses (winners, members leaving the race…). */
export const horseSets = fc.subarray(horses).map((list) => new Set(list));
