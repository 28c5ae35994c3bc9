import { type DragEvent, useState } from "react";
import { Button } from "../../components/ui";
import { moveItem } from "../../lib/lists";
import type { PollOption } from "./types";

interface BallotProps {
  options: PollOption[];
  /** The member's ballot so far, if any. */
  initial: string[] | null;
  busy: boolean;
  onSubmit: (choices: string[]) => void;
}

/**
 * A ranked ballot: drag the books into order, or use each row's buttons (the
 * keyboard way); "Leave out" moves a book below the line, where it is not ranked.
 */
export function RankedBallot({ options, initial, busy, onSubmit }: BallotProps) {
  const byId = new Map(options.map((option) => [option.id, option]));
  const [ranked, setRanked] = useState<string[]>(initial ?? options.map((option) => option.id));
  const [dragged, setDragged] = useState<number | null>(null);
  const unranked = options.filter((option) => !ranked.includes(option.id));
  const onDrop = (to: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged !== null) setRanked(moveItem(ranked, dragged, to));
    setDragged(null);
  };
  return (
    <div className="flex flex-col gap-3">
      <ol aria-label="Your ranking" className="flex flex-col gap-2">
        {ranked.map((id, index) => {
          const title = byId.get(id)?.book.title ?? "";
          return (
            <li
              key={id}
              draggable
              onDragStart={() => setDragged(index)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={onDrop(index)}
              className="flex flex-wrap items-center gap-2 rounded-lg border border-stone-300 p-2 dark:border-stone-700"
            >
              <span className="w-6 font-semibold">{index + 1}.</span>
              <span className="flex-1 cursor-grab">{title}</span>
              <Button
                variant="secondary"
                aria-label={`Move ${title} up`}
                disabled={index === 0}
                onClick={() => setRanked(moveItem(ranked, index, index - 1))}
              >
                ↑
              </Button>
              <Button
                variant="secondary"
                aria-label={`Move ${title} down`}
                disabled={index === ranked.length - 1}
                onClick={() => setRanked(moveItem(ranked, index, index + 1))}
              >
                ↓
              </Button>
              <Button
                variant="secondary"
                aria-label={`Leave out ${title}`}
                disabled={ranked.length === 1}
                onClick={() => setRanked(ranked.filter((other) => other !== id))}
              >
                Leave out
              </Button>
            </li>
          );
        })}
      </ol>
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
