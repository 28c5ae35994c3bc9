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
