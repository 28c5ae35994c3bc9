import type { SpoilerVerdict } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";

export type ReviewItem = RouterOutputs["reviews"]["forBook"]["items"][number];
export type Summary = NonNullable<RouterOutputs["reviews"]["summary"]>;
/** Why the spoiler guard withholds a review or the summary from a member still reading the book. */
export type ReviewGuard = Exclude<SpoilerVerdict, { visible: true }>;

/** "4.5 stars" from half-stars. */
export const starsText = (halves: number) => `${halves / 2} star${halves === 2 ? "" : "s"}`;
