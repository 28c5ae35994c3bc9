/** `list` with the item at `from` taken out and put back at `to` (a reorder by buttons or drag and drop). */
export const moveItem = <T>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};
