import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { publicProfile } from "./shared.js";

export const betOutput = rowSchemas.bets.pick({
  id: true,
  meetingId: true,
  userId: true,
  horseId: true,
  stake: true,
  status: true,
  payout: true,
  placedAt: true,
  settledAt: true,
});

export const betPoolOutput = z.object({
  pool: z.int(),
  open: z.boolean(),
  /** The caller's bet, with the attendee it backs. */
  myBet: betOutput.extend({ horse: publicProfile }).nullable(),
  settlement: rowSchemas.meetingSettlements.nullable(),
  /** The settlement's winners (several on a tie), or none before it. */
  winners: z.array(publicProfile),
  /** One page of the horses (every racing attendee, most backed first); the next page from `nextCursor`. */
  horses: z.array(z.object({ horse: publicProfile, stake: z.int(), backers: z.int(), odds: z.number().nullable() })),
  nextCursor: z.string().nullable(),
});
