import { reviewSpoilerNotice } from "@booky/domain";
import type { ReactNode } from "react";
import { Alert, Button } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import type { ReviewGuard } from "./types";

/**
 * What a member still reading the book in a meeting sees instead of reviews'
 * words: where they are, and a button that fetches the words (`revealed`).
 */
export function ReviewSpoiler({
  guard,
  what,
  onReveal,
  busy,
  error,
}: {
  guard: ReviewGuard;
  what: ReactNode;
  onReveal: () => void;
  busy: boolean;
  error: unknown;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p>
        <span className="font-semibold">Spoiler guard · </span>
        {reviewSpoilerNotice(guard)}. {what}
      </p>
      <Button variant="secondary" className="px-3 py-1" busy={busy} onClick={onReveal}>
        Reveal
      </Button>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
    </div>
  );
}
