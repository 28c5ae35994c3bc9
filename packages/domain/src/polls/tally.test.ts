import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Ballot, tallyApproval, tallyRanked } from "./tally.js";

const OPTIONS = ["a", "b", "c", "d", "e"];
const options = fc.integer({ min: 1, max: OPTIONS.length }).map((n) => OPTIONS.slice(0, n));
/** A ranking over some of the options (maybe none, maybe with an unknown id and a repeat). */
const ballotOf = (ids: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.shuffledSubarray(ids) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...ids, "zz", ids[0] as string]) },
  );
const election = options.chain((ids) =>
  fc.record({ options: fc.constant(ids), ballots: fc.array(ballotOf(ids), { maxLength: 40 }) }),
);

describe("tallyRanked (instant runoff)", () => {
  it("a candidate ranked first by a majority wins in the first round", () => {
    fc.assert(
      fc.property(election, fc.integer({ min: 1, max: 40 }), ({ options: ids, ballots }, extra) => {
        const favourite = ids[ids.length - 1] as string;
        const others = ballots.filter((ballot) => ballot[0] !== favourite);
        const backers: Ballot[] = Array.from({ length: others.length + extra }, (_, i) =>
          i % 2 ? [favourite] : [favourite, ...ids.filter((id) => id !== favourite)],
        );
        const result = tallyRanked(ids, [...others, ...backers]);
        expect(result.winner).toBe(favourite);
        expect(result.rounds).toHaveLength(1);
        expect(result.rounds[0]?.eliminated).toBeNull();
      }),
    );
  });

  it("does not depend on the order ballots arrive", () => {
    fc.assert(
      fc.property(
        election.chain((e) =>
          fc.tuple(fc.constant(e), fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length })),
        ),
        ([{ options: ids, ballots }, shuffled]) => {
          expect(tallyRanked(ids, shuffled)).toEqual(tallyRanked(ids, ballots));
        },
      ),
    );
  });

  it("records every elimination and transfer: each round's counts are the last one's plus what moved", () => {
    fc.assert(
      fc.property(election, ({ options: ids, ballots }) => {
        const result = tallyRanked(ids, ballots);
        const eliminated = result.rounds.map((round) => round.eliminated).filter((id) => id !== null);
        expect(new Set(eliminated).size).toBe(eliminated.length);
        if (result.winner !== null) expect(eliminated).not.toContain(result.winner);
        result.rounds.forEach((round, index) => {
          const total = round.counts.reduce((sum, count) => sum + count.votes, 0);
          expect(total + round.exhausted).toBe(result.ballots);
          const last = index === result.rounds.length - 1;
          expect(round.eliminated === null).toBe(last);
          if (last) return;
          const next = result.rounds[index + 1] as (typeof result.rounds)[number];
          const out = round.counts.find((count) => count.optionId === round.eliminated)?.votes ?? -1;
          expect(round.transfers.reduce((sum, transfer) => sum + transfer.votes, 0)).toBe(out);
          expect(next.counts.map((count) => count.optionId)).toEqual(
            round.counts.map((count) => count.optionId).filter((id) => id !== round.eliminated),
          );
          for (const count of next.counts) {
            const before = round.counts.find((c) => c.optionId === count.optionId)?.votes ?? 0;
            const moved = round.transfers.find((transfer) => transfer.to === count.optionId)?.votes ?? 0;
            expect(count.votes).toBe(before + moved);
          }
          const ranOut = round.transfers.find((transfer) => transfer.to === null)?.votes ?? 0;
          expect(next.exhausted).toBe(round.exhausted + ranOut);
        });
      }),
    );
  });

  it("the eliminated option always has the fewest votes of its round", () => {
    fc.assert(
      fc.property(election, ({ options: ids, ballots }) => {
        for (const round of tallyRanked(ids, ballots).rounds) {
          if (round.eliminated === null) continue;
          const fewest = Math.min(...round.counts.map((count) => count.votes));
          expect(round.counts.find((count) => count.optionId === round.eliminated)?.votes).toBe(fewest);
          expect(round.tieBroken).toBe(round.counts.filter((count) => count.votes === fewest).length > 1);
        }
      }),
    );
  });

  it("breaks a tie that held in every round by eliminating the option listed last", () => {
    fc.assert(
      fc.property(options, fc.integer({ min: 1, max: 5 }), (ids, each) => {
        fc.pre(ids.length >= 2);
        const ballots = ids.flatMap((id) => Array.from({ length: each }, () => [id]));
        const result = tallyRanked(ids, ballots);
        expect(result.rounds.map((round) => round.eliminated).slice(0, -1)).toEqual([...ids].reverse().slice(0, -1));
        expect(result.winner).toBe(ids[0]);
      }),
    );
  });

  it("breaks a tie backwards: the option with fewer votes in the latest earlier round where they differ goes", () => {
    // a 4, b 2, c 3, d 2: b and d tie with no earlier round, so d (listed last) goes and its votes move to b.
    const first = ["a", "a", "a", "a", "b", "b", "c", "c", "c"].map((id) => [id]);
    const tied = tallyRanked(["a", "b", "c", "d"], [...first, ["d", "b"], ["d", "b"]]);
    expect(tied.rounds[0]).toMatchObject({ eliminated: "d", tieBroken: true, transfers: [{ to: "b", votes: 2 }] });
    // Round 1: a 6, e 2, b 3, c 1 (c goes to e). Round 2: a 6, e 3, b 3: tied, and e had fewer in round 1, so e
    // goes although b is listed last.
    const ballots = [..."aaaaaabbbee"].map((id) => [id]);
    const backwards = tallyRanked(["a", "e", "b", "c"], [...ballots, ["c", "e"]]);
    expect(backwards.rounds[1]).toMatchObject({ eliminated: "e", tieBroken: true });
    expect(backwards.winner).toBe("a");
  });

  it("has no winner without ballots, and ignores unknown ids and repeats", () => {
    expect(tallyRanked(["a", "b"], [])).toEqual({ kind: "ranked", winner: null, ballots: 0, rounds: [] });
    expect(tallyRanked(["a", "b"], [["zz"], []]).winner).toBeNull();
    expect(tallyRanked(["a", "b"], [["b", "b", "zz", "a"]]).rounds[0]?.counts).toEqual([
      { optionId: "a", votes: 0 },
      { optionId: "b", votes: 1 },
    ]);
  });
});

describe("tallyApproval", () => {
  it("the most approved wins, ties to the option listed first, whatever the ballots' order", () => {
    fc.assert(
      fc.property(
        election.chain((e) =>
          fc.tuple(fc.constant(e), fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length })),
        ),
        ([{ options: ids, ballots }, shuffled]) => {
          const result = tallyApproval(ids, ballots);
          expect(tallyApproval(ids, shuffled)).toEqual(result);
          if (result.winner === null) {
            expect(result.rounds).toEqual([]);
            return;
          }
          const counts = result.rounds[0]?.counts ?? [];
          const most = Math.max(...counts.map((count) => count.votes));
          expect(result.winner).toBe(counts.find((count) => count.votes === most)?.optionId);
        },
      ),
    );
  });
});
