import { z } from "zod";
import { meetingIdInput } from "../meetings/schemas.js";
import { text } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";

/** Stakes are whole points; the upper bound only keeps numbers sane, the balance is the real limit. */
export const STAKE_MAX = 1_000_000;

export const placeBetInput = meetingIdInput.extend({
  horseId: z.uuid("Pick an attendee to bet on"),
  stake: z.int("Stakes are whole points").min(1, "Stake at least 1 point").max(STAKE_MAX, "That stake is too large"),
});

/** A page of the pool's horses; `search` keeps those whose name or username contains it (any case). */
export const betPoolInput = pageInput.extend({ search: text().max(100).optional() });

export const cancelBetInput = z.object({ betId: z.uuid("Unknown bet") });

export const myBetsInput = pageInput;
export const ledgerInput = pageInput;

export const LEADERBOARD_PERIODS = ["allTime", "thisMonth"] as const;

export const userLeaderboardInput = pageInput
  .extend({
    scope: z.enum(["global", "club", "friends"]).default("global"),
    clubId: z.uuid("Unknown club").optional(),
    period: z.enum(LEADERBOARD_PERIODS).default("allTime"),
  })
  .refine((value) => value.scope !== "club" || value.clubId !== undefined, {
    path: ["clubId"],
    message: "Pick the club whose leaderboard you want",
  });

export const clubLeaderboardInput = pageInput.extend({
  period: z.enum(LEADERBOARD_PERIODS).default("allTime"),
});
