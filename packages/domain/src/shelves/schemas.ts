import { z } from "zod";
import { bookIdInput } from "../books/schemas.js";
import { pageInput } from "../shared/pagination.js";
import {
  COPY_AVAILABILITIES,
  COPY_CONDITIONS,
  COPY_NOTES_MAX,
  READING_STATUSES,
  SHELF_NAME_MAX,
  SHELF_VISIBILITIES,
  SHELVES_PER_MEMBER_MAX,
} from "./constants.js";
import { normalizeShelfName, readDatesProblem } from "./rules.js";

/** A calendar day, YYYY-MM-DD, not in the far past or future. */
export const daySchema = z.iso
  .date("A date as YYYY-MM-DD")
  .refine((day) => day >= "1900-01-01" && day <= "2999-12-31", "A date between 1900 and 2999");

export const readingStatusSchema = z.enum(READING_STATUSES);
export const shelfVisibilitySchema = z.enum(SHELF_VISIBILITIES);
export const copyConditionSchema = z.enum(COPY_CONDITIONS);
export const copyAvailabilitySchema = z.enum(COPY_AVAILABILITIES);

const datesRefined = <T extends z.ZodType<{ startedOn?: string | null; finishedOn?: string | null }>>(schema: T) =>
  schema.superRefine((value, context) => {
    if (readDatesProblem(value.startedOn ?? null, value.finishedOn ?? null)) {
      context.addIssue({ code: "custom", path: ["finishedOn"], message: "A read cannot finish before it started" });
    }
  });

export const setReadingStatusInput = datesRefined(
  bookIdInput.extend({
    status: readingStatusSchema,
    startedOn: daySchema.nullish(),
    finishedOn: daySchema.nullish(),
  }),
);

export const readIdInput = z.object({ readId: z.uuid("Unknown read") });
export const updateReadInput = datesRefined(
  readIdInput.extend({ startedOn: daySchema.nullable(), finishedOn: daySchema.nullable() }),
);

export const myBooksInput = pageInput.extend({ status: readingStatusSchema.optional() });

const shelfName = z
  .string()
  .transform(normalizeShelfName)
  .pipe(z.string().min(1, "Name the shelf").max(SHELF_NAME_MAX, `At most ${SHELF_NAME_MAX} characters`));

export const shelfIdInput = z.object({ shelfId: z.uuid("Unknown shelf") });
export const createShelfInput = z.object({ name: shelfName, visibility: shelfVisibilitySchema.default("private") });
export const updateShelfInput = shelfIdInput.extend({
  changes: z
    .object({ name: shelfName.optional(), visibility: shelfVisibilitySchema.optional() })
    .refine((changes) => Object.keys(changes).length > 0, "Nothing to change"),
});
export const reorderShelvesInput = z.object({
  shelfIds: z.array(z.uuid("Unknown shelf")).min(1).max(SHELVES_PER_MEMBER_MAX),
});
export const shelfBookInput = shelfIdInput.extend(bookIdInput.shape);
export const shelfBooksInput = shelfIdInput.extend(pageInput.shape);
export const memberShelvesInput = pageInput.extend({ userId: z.uuid("Unknown member") });
export const statusVisibilityInput = z.object({ visibility: shelfVisibilitySchema });

const notes = z.string().trim().max(COPY_NOTES_MAX, `At most ${COPY_NOTES_MAX} characters`);
export const copyIdInput = z.object({ copyId: z.uuid("Unknown copy") });
export const addCopyInput = bookIdInput.extend({
  condition: copyConditionSchema,
  availability: copyAvailabilitySchema.default("keep"),
  notes: notes.default(""),
});
export const updateCopyInput = copyIdInput.extend({
  changes: z
    .object({
      condition: copyConditionSchema.optional(),
      availability: copyAvailabilitySchema.optional(),
      notes: notes.optional(),
    })
    .refine((changes) => Object.keys(changes).length > 0, "Nothing to change"),
});
export const myCopiesInput = pageInput.extend({ availability: copyAvailabilitySchema.optional() });
export const bookOwnersInput = bookIdInput.extend(pageInput.shape);
