import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { publicProfile } from "./shared.js";

const progress = rowSchemas.readingProgress;
const meaning = { percent: z.number(), finished: z.boolean() };

/** The caller's own progress; before the first report page 0, version 0 and no time. */
export const myProgressOutput = progress
  .pick({ page: true, version: true, finishedAt: true })
  .extend({ updatedAt: progress.shape.updatedAt.nullable(), ...meaning });

export const meetingStandingsOutput = z.object({
  bookPageCount: rowSchemas.meetings.shape.bookPageCount,
  nextCursor: z.string().nullable(),
  items: z.array(
    progress.pick({ page: true, finishedAt: true }).extend({
      user: publicProfile,
      ...meaning,
      /** False for a member reading without racing: to others their page, percent and finish read 0, 0 and not yet. */
      racing: z.boolean(),
      /** Whether the numbers are shown: false on another member who reads without racing (show "reading"). */
      revealed: z.boolean(),
    }),
  ),
});

export const racingOutput = z.object({
  meetingId: z.uuid(),
  userId: z.uuid(),
  racing: z.boolean(),
  /** How many open bets on the member were refunded (leaving the race). */
  refundedBets: z.int(),
});
