import { z } from "zod";
import { text } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { parseIsbn } from "./isbn.js";
import { parseBookQuery } from "./search.js";

export const bookIdInput = z.object({ bookId: z.uuid("Unknown book") });

const isbnSchema = text()
  .max(32)
  .transform((value, context) => {
    const isbn13 = parseIsbn(value);
    if (!isbn13) {
      context.addIssue({ code: "custom", message: "Not a valid ISBN-10 or ISBN-13" });
      return z.NEVER;
    }
    return isbn13;
  });

/** A Books API volume id (e.g. "zyTCAlFPjgYC"). */
export const googleVolumeIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{4,64}$/, "Not a Google Books volume id");

export const searchBooksInput = pageInput.extend({
  query: text()
    .min(1, "Type a title, an author or an ISBN")
    .max(200, "At most 200 characters")
    .refine((value) => parseBookQuery(value) !== null, "Not a valid ISBN-10 or ISBN-13"),
  /** Google answers at most 40 volumes a page. */
  limit: z.int().min(1).max(40).default(20),
});

export const importBookInput = z.union([
  z.object({ googleVolumeId: googleVolumeIdSchema }),
  z.object({ isbn: isbnSchema }),
]);

export const bookByIsbnInput = z.object({ isbn: isbnSchema });

export const bookClubsInput = bookIdInput.extend(pageInput.shape);
