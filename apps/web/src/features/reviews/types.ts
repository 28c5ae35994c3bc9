import type { RouterOutputs } from "@booky/server";

export type ReviewItem = RouterOutputs["reviews"]["forBook"]["items"][number];
export type Summary = NonNullable<RouterOutputs["reviews"]["summary"]>;

/** "4.5 stars" from half-stars. */
export const starsText = (halves: number) => `${halves / 2} star${halves === 2 ? "" : "s"}`;
