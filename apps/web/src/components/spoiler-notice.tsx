import type { ReactNode } from "react";
import { errorMessage } from "../lib/errors";
import { Alert, Button } from "./ui";

/**
 * What the spoiler guard shows instead of a text: a label, where the reader
 * stands, and a button that asks the server for the words (discussions and
 * reviews each fetch them their own way).
 */
export function SpoilerNotice({
  label,
  children,
  onReveal,
  busy,
  error,
}: {
  label: string;
  children: ReactNode;
  onReveal: () => void;
  busy: boolean;
  error: unknown;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p>
        <span className="font-semibold">{label} · </span>
        {children}
      </p>
      <Button variant="secondary" className="px-3 py-1" busy={busy} onClick={onReveal}>
        Reveal
      </Button>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
    </div>
  );
}
