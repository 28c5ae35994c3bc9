import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { pageOf, publicProfile } from "./shared.js";

const ranked = { rank: z.int(), score: z.int() };
const entry = z.object({
  ...ranked,
  user: publicProfile.pick({ id: true, username: true, displayName: true, avatarUrl: true }),
});

export const userLeaderboardOutput = z.object({
  items: z.array(entry),
  nextCursor: z.string().nullable(),
  /** The caller's own place (their rank as the last when unranked). */
  me: z.object(ranked),
  /** The people just above and below the caller. */
  neighbours: z.array(entry),
});

export const clubLeaderboardOutput = pageOf(
  z.object({
    ...ranked,
    club: rowSchemas.clubs.pick({ id: true, name: true, slug: true, memberCount: true }),
  }),
);
