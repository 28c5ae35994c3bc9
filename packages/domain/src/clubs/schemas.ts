import { z } from "zod";
import { usernameSchema } from "../accounts/credentials.js";
import { CHANGE_SOMETHING, changesSomething, flag, text } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { timeZoneSchema } from "../shared/time-zone.js";

export const CLUB_CATEGORIES = [
  "fiction",
  "non_fiction",
  "classics",
  "mystery",
  "sci_fi_fantasy",
  "romance",
  "history",
  "science",
  "poetry",
  "young_adult",
  "other",
] as const;

export const CLUB_VISIBILITIES = ["public", "private"] as const;
export type ClubVisibility = (typeof CLUB_VISIBILITIES)[number];

export const clubIdInput = z.object({ clubId: z.uuid("Unknown club") });

/** The editable fields, without defaults: an update touches only what it names. */
const clubFields = z.object({
  name: text().min(3, "Name the club in at least 3 characters").max(80, "At most 80 characters"),
  description: text().max(2000, "At most 2000 characters"),
  category: z.enum(CLUB_CATEGORIES, "Pick a category"),
  isOnline: z.boolean(),
  location: text().min(2, "Say where the club meets").max(120).nullable(),
  visibility: z.enum(CLUB_VISIBILITIES),
  memberLimit: z.int("Whole number of members").min(2, "At least 2 members").max(10_000, "At most 10,000"),
  /** Where the club meets: its meetings carry this zone, shown beside each viewer's own. */
  timeZone: timeZoneSchema,
});

export const createClubInput = clubFields
  .extend({
    description: clubFields.shape.description.default(""),
    isOnline: clubFields.shape.isOnline.default(false),
    location: clubFields.shape.location.default(null),
    visibility: clubFields.shape.visibility.default("public"),
    memberLimit: clubFields.shape.memberLimit.default(50),
    timeZone: clubFields.shape.timeZone.default("UTC"),
  })
  .refine((value) => value.isOnline || value.location !== null, {
    path: ["location"],
    message: "Give a location, or mark the club as online",
  });

export const updateClubInput = clubIdInput.extend({
  changes: clubFields.partial().refine(changesSomething, CHANGE_SOMETHING),
});

export const getClubInput = z.union([clubIdInput, z.object({ slug: text().min(1).max(64) })]);

/**
 * A club named by its id or its slug in one field, as a path names it
 * (`GET /api/v1/clubs/{clubId}`); read as `getClubInput`.
 */
export const clubRefInput = z
  .object({ clubId: text().min(1).max(64).describe("The club's id or its slug") })
  .transform(({ clubId }) => (z.uuid().safeParse(clubId).success ? { clubId } : { slug: clubId }));

/** The public club directory, readable without an account. */
export const publicClubsInput = pageInput.extend({
  search: text().max(100).optional(),
  category: z.enum(CLUB_CATEGORIES).optional(),
});

/** A page of one of a public club's lists (its meetings to come, its race's readers), readable without an account. */
export const publicClubListInput = pageInput.extend({ clubId: z.uuid("Unknown club") });

export const listClubsInput = pageInput.extend({
  search: text().max(100).optional(),
  category: z.enum(CLUB_CATEGORIES).optional(),
  visibility: z.enum(CLUB_VISIBILITIES).optional(),
  isOnline: flag().optional(),
  mine: flag(false),
});

/** Turns betting on or off for all of a club's meetings. */
export const setBettingInput = clubIdInput.extend({ enabled: z.boolean() });

export const clubMemberInput = clubIdInput.extend({ userId: z.uuid("Unknown member") });
export const setRoleInput = clubMemberInput.extend({ role: z.enum(["member", "admin"]) });
export const inviteInput = clubIdInput.extend({ username: usernameSchema });
export const requestIdInput = z.object({ requestId: z.uuid("Unknown request") });
export const listMembersInput = clubIdInput.extend(pageInput.shape);
