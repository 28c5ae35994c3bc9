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
  horses: z.array(z.object({ horse: publicProfile, stake: z.int(), backers: z.int(), odds: z.number().nullable() })),
  myBet: betOutput.nullable(),
  settlement: rowSchemas.meetingSettlements.nullable(),
});
