import { EmptyState } from "../../components/ui";
import type { BetPool } from "./use-bet-pool";

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? "" : "s"}`;

/** Each attendee as a horse: its share of the pool as a bar, its backers and implied odds; winners marked. */
export function HorseBars({ pool, myId }: { pool: BetPool; myId: string | null }) {
  if (pool.horses.length === 0) {
    return <EmptyState>Nobody is going yet. Attendees who answer “Going” can be backed here.</EmptyState>;
  }
  const winners = new Set(pool.settlement?.winnerIds ?? []);
  return (
    <ul className="flex flex-col gap-3" aria-label="The horses">
      {pool.horses.map(({ horse, stake, backers, odds }) => {
        const share = pool.pool > 0 ? Math.round((stake / pool.pool) * 100) : 0;
        const won = winners.has(horse.id);
        return (
          <li key={horse.id}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium">
                {horse.displayName}
                {horse.id === myId && <span className="font-normal text-stone-600 dark:text-stone-400"> (you)</span>}
                {won && (
                  <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">
                    Winner
                  </span>
                )}
              </span>
              <span className="text-stone-700 dark:text-stone-300">
                {plural(stake, "point")} · {plural(backers, "backer")}
                {odds === null ? " · no odds yet" : ` · odds ${odds.toLocaleString()}`}
              </span>
            </div>
            {/* The meter says it to assistive technology; the bar draws it the same in every browser. */}
            <meter
              min={0}
              max={100}
              value={share}
              aria-label={`${horse.displayName}'s share of the pool`}
              className="sr-only"
            >
              {share}% of the pool
            </meter>
            <div aria-hidden="true" className="mt-1 h-3 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800">
              <div
                className={`h-full rounded-full transition-[width] duration-500 ${won ? "bg-green-600" : "bg-brand-600"}`}
                style={{ width: `${share}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
