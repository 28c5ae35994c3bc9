import { reviewSpoilerNotice } from "@booky/domain";
import type { ReactNode } from "react";
import { SpoilerNotice } from "../../components/spoiler-notice";
import type { ReviewGuard } from "./types";

/**
 * What a member still reading the book in a meeting sees instead of reviews'
 * words: where they are, and a button that fetches the words.
 */
export function ReviewSpoiler({
  guard,
  what,
  ...reveal
}: {
  guard: ReviewGuard;
  what: ReactNode;
  onReveal: () => void;
  busy: boolean;
  error: unknown;
}) {
  return (
    <SpoilerNotice label="Spoiler guard" {...reveal}>
      {reviewSpoilerNotice(guard)}. {what}
    </SpoilerNotice>
  );
}
