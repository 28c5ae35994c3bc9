import type { PollOption, Tally } from "./types";

/**
 * The tally's rounds as bars: each round's votes per standing book, who was
 * eliminated (and whether by the tie-break), and where their votes went.
 */
export function RoundsChart({ tally, options }: { tally: Tally; options: PollOption[] }) {
  const titleOf = (id: string | null) =>
    id === null ? "no further choice" : (options.find((option) => option.id === id)?.book.title ?? "?");
  const most = Math.max(1, tally.ballots);
  return (
    <ol aria-label="Rounds" className="flex flex-col gap-4">
      {tally.rounds.map((round) => (
        <li key={round.round} className="flex flex-col gap-2">
          <h3 className="font-semibold">
            {tally.kind === "ranked" ? `Round ${round.round}` : "Approvals"}
            {round.exhausted > 0 && ` · ${round.exhausted} ballot(s) with no choice left`}
          </h3>
          <ul className="flex flex-col gap-1">
            {round.counts.map((count) => (
              <li key={count.optionId} className="grid grid-cols-[10rem_1fr_2rem] items-center gap-2 text-sm">
                <span className="truncate">{titleOf(count.optionId)}</span>
                <span
                  aria-hidden="true"
                  className={`h-4 rounded ${count.optionId === round.eliminated ? "bg-stone-400" : "bg-brand-700"}`}
                  style={{ width: `${(100 * count.votes) / most}%` }}
                />
                <span>{count.votes}</span>
              </li>
            ))}
          </ul>
          {round.eliminated !== null && (
            <p className="text-sm">
              {titleOf(round.eliminated)} is eliminated{round.tieBroken ? " (tie broken by the stated rule)" : ""}
              {round.transfers.length > 0 &&
                `; its votes go to ${round.transfers.map((t) => `${titleOf(t.to)} (${t.votes})`).join(", ")}`}
              .
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
