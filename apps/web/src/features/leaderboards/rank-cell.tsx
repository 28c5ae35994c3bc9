import type { ReactNode } from "react";

/** A competition rank; a shared one says so ("2 tied"). */
export function RankCell({ rank, tied }: { rank: number; tied: boolean }) {
  return (
    <td className="py-2 pr-3 font-semibold tabular-nums">
      {rank}
      {tied && (
        <>
          {" "}
          <span className="text-xs font-normal text-stone-600 dark:text-stone-400">tied</span>
        </>
      )}
    </td>
  );
}

/** A board's row: the caller's own (themselves, their club) stands out. */
export const rankRowClass = (own: boolean) =>
  own ? "bg-brand-50 font-semibold dark:bg-stone-800" : "border-t border-stone-200 dark:border-stone-800";

/** A board: rank, who, score, named by its `caption` for screen readers. */
export function RankTable({ caption, who, children }: { caption: string; who: string; children: ReactNode }) {
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <RankTableHead who={who} />
      <tbody>{children}</tbody>
    </table>
  );
}

/** The column headings every board shares: rank, who (club or member), score. */
function RankTableHead({ who }: { who: string }) {
  return (
    <thead className="text-sm text-stone-600 dark:text-stone-400">
      <tr>
        <th scope="col" className="w-20 pb-1 font-medium">
          Rank
        </th>
        <th scope="col" className="pb-1 font-medium">
          {who}
        </th>
        <th scope="col" className="pb-1 text-right font-medium">
          Score
        </th>
      </tr>
    </thead>
  );
}
