import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { clubRole, pageOf, publicProfile } from "./shared.js";

const clubCard = rowSchemas.clubs.pick({
  id: true,
  slug: true,
  name: true,
  description: true,
  category: true,
  visibility: true,
  isOnline: true,
  location: true,
  memberCount: true,
  memberLimit: true,
  timeZone: true,
  bettingEnabled: true,
  archivedAt: true,
  createdAt: true,
});

/** What an outsider of a private club sees of it (docs/authorization.md). */
const limitedClub = clubCard
  .pick({ id: true, slug: true, name: true, description: true, visibility: true, category: true })
  .extend({ access: z.literal("limited"), myRole: clubRole.nullable() });

const fullClub = clubCard.extend({ access: z.literal("full"), myRole: clubRole.nullable() });

export const clubListItem = z.discriminatedUnion("access", [fullClub, limitedClub]);
export const clubListOutput = pageOf(clubListItem);

export const clubOutput = z.discriminatedUnion("access", [
  fullClub.extend({ ownerId: rowSchemas.clubs.shape.ownerId }),
  limitedClub,
]);

export const joinClubOutput = z.object({ role: z.literal("member") });

export const clubMembersOutput = pageOf(
  z.object({ role: clubRole, joinedAt: rowSchemas.clubMembers.shape.joinedAt, user: publicProfile }),
);

export const clubBettingOutput = z.object({
  clubId: z.uuid(),
  bettingEnabled: z.boolean(),
  refundedBets: z.int(),
});
