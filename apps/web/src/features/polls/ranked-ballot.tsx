import { useState } from "react";
import { Button } from "../../components/ui";
import { moveItem } from "../../lib/lists";
import { SortableRanking } from "./sortable-ranking";
import type { PollOption } from "./types";

interface BallotProps {
  options: PollOption[];
  /** The member's ballot so far, if any. */
  initial: string[] | null;
  busy: boolean;
  onSubmit: (choices: string[]) => void;
}

/**
 * A ranked ballot: drag the books into order by their handles (mouse, touch or
 * keyboard, `SortableRanking`), or use each row's buttons; "Leave out" moves a
 * book below the line, where it is not ranked.
 */
export function RankedBallot({ options, initial, busy, onSubmit }: BallotProps) {
  const byId = new Map(options.map((option) => [option.id, option]));
  const [ranked, setRanked] = useState<string[]>(initial ?? options.map((option) => option.id));
  const unranked = options.filter((option) => !ranked.includes(option.id));
  const titleOf = (id: string) => byId.get(id)?.book.title ?? "";
  return (
    <div className="flex flex-col gap-3">
      <SortableRanking
        ids={ranked}
        titleOf={titleOf}
        onChange={setRanked}
        controls={(id, index) => (
          <>
            <Button
              variant="secondary"
              aria-label={`Move ${titleOf(id)} up`}
              disabled={index === 0}
              onClick={() => setRanked(moveItem(ranked, index, index - 1))}
            >
              ↑
            </Button>
            <Button
              variant="secondary"
              aria-label={`Move ${titleOf(id)} down`}
              disabled={index === ranked.length - 1}
              onClick={() => setRanked(moveItem(ranked, index, index + 1))}
            >
              ↓
            </Button>
            <Button
              variant="secondary"
              aria-label={`Leave out ${titleOf(id)}`}
              disabled={ranked.length === 1}
              onClick={() => setRanked(ranked.filter((other) => other !== id))}
            >
              Leave out
            </Button>
          </>
        )}
      />
      {unranked.length > 0 && (
        <ul aria-label="Not ranked" className="flex flex-col gap-2">
          {unranked.map((option) => (
            <li key={option.id} className="flex items-center gap-2 text-stone-600 dark:text-stone-400">
              <span className="flex-1">{option.book.title}</span>
              <Button
                variant="secondary"
                aria-label={`Rank ${option.book.title}`}
                onClick={() => setRanked([...ranked, option.id])}
              >
                Rank
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button busy={busy} onClick={() => onSubmit(ranked)}>
          {initial ? "Change my ballot" : "Cast my ballot"}
        </Button>
      </div>
    </div>
  );
}

/** An approval ballot: tick every book you would read. */
export function ApprovalBallot({ options, initial, busy, onSubmit }: BallotProps) {
  const [approved, setApproved] = useState<string[]>(initial ?? []);
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Books you would read</legend>
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={approved.includes(option.id)}
              onChange={(event) =>
                setApproved(event.target.checked ? [...approved, option.id] : approved.filter((id) => id !== option.id))
              }
            />
            {option.book.title}
          </label>
        ))}
      </fieldset>
      <div>
        <Button busy={busy} disabled={approved.length === 0} onClick={() => onSubmit(approved)}>
          {initial ? "Change my ballot" : "Cast my ballot"}
        </Button>
      </div>
    </div>
  );
}
