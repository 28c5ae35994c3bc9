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

/** The column headings every board shares: rank, who (club or member), score. */
export function RankTableHead({ who }: { who: string }) {
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
