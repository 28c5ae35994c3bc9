import { inForce } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";

type Suspension = RouterOutputs["admin"]["member"]["member"]["suspension"];

/** An account's standing, as a badge: banned, suspended until a date, or in good standing. */
export function Standing({ suspension }: { suspension: Suspension }) {
  if (!suspension || !inForce(suspension.endsAt, new Date())) {
    return <span className="text-sm text-stone-600 dark:text-stone-400">In good standing</span>;
  }
  return (
    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-100">
      {suspension.kind === "banned" ? "Banned" : `Suspended until ${suspension.endsAt?.toLocaleString()}`}
    </span>
  );
}
