import { authorsSearchText, isbn10To13, isValidIsbn13, normalizeAuthors } from "@booky/domain";
import { z } from "zod";

/**
 * The Books API v1 response format, as lenient as it can be while still
 * yielding a usable book: unknown fields are ignored, a volume without a
 * title is dropped, a field of the wrong type is treated as missing.
 */
const optionalString = z.string().trim().min(1).max(20_000).optional().catch(undefined);

const volumeInfoSchema = z.object({
  title: z.string().trim().min(1).max(500),
  subtitle: optionalString,
  authors: z.array(z.string().max(300)).max(50).optional().catch(undefined),
  publisher: optionalString,
  publishedDate: optionalString,
  description: optionalString,
  pageCount: z.int().min(1).max(100_000).optional().catch(undefined),
  language: optionalString,
  categories: z.array(z.string().max(300)).max(50).optional().catch(undefined),
  industryIdentifiers: z
    .array(z.object({ type: z.string(), identifier: z.string().max(40) }))
    .max(20)
    .optional()
    .catch(undefined),
  imageLinks: z.record(z.string(), z.string().max(2000)).optional().catch(undefined),
});

export const googleVolumeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
  volumeInfo: volumeInfoSchema,
});

/** A volumes list: `items` is absent when nothing matched; each item is checked on its own. */
export const googleVolumesListSchema = z.object({
  totalItems: z.int().min(0),
  items: z.array(z.unknown()).max(100).optional(),
});

/** A volume as the catalog would hold it, not yet imported. Also what the cache stores. */
export const catalogVolumeSchema = z.object({
  googleVolumeId: z.string(),
  isbn13: z.string().nullable(),
  title: z.string(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  authorsSearch: z.string(),
  publisher: z.string().nullable(),
  publishedDate: z.string().nullable(),
  pageCount: z.int().nullable(),
  language: z.string().nullable(),
  coverUrl: z.string().nullable(),
  description: z.string().nullable(),
  subjects: z.array(z.string()),
  /**
   * Which answer it came from: a search lists thinner volumes (Google may
   * leave out the page count, the description, the larger covers) than the
   * volume's own page. Rows cached before this field count as "search".
   */
  detail: z.enum(["search", "full"]).default("search"),
});

export type CatalogVolume = z.infer<typeof catalogVolumeSchema>;

/** ISBN_13 when valid, else a valid ISBN_10 converted; null when the volume has neither. */
function isbn13Of(identifiers: { type: string; identifier: string }[] | undefined): string | null {
  const ids = identifiers ?? [];
  const thirteen = ids.find((id) => id.type === "ISBN_13" && isValidIsbn13(id.identifier));
  if (thirteen) return thirteen.identifier.replace(/[\s-]/g, "");
  for (const id of ids) {
    const converted = id.type === "ISBN_10" ? isbn10To13(id.identifier) : null;
    if (converted) return converted;
  }
  return null;
}

/** Google's cover sizes, largest first. */
const COVER_SIZES = ["extraLarge", "large", "medium", "small", "thumbnail", "smallThumbnail"] as const;

/** The largest cover the API offers, over https (the web app's CSP allows https images only). */
function coverOf(links: Record<string, string> | undefined): string | null {
  const url = COVER_SIZES.map((size) => links?.[size]).find((link) => link !== undefined) ?? null;
  if (!url || !/^https?:\/\//.test(url)) return null;
  return url.replace(/^http:\/\//, "https://");
}

/** A catalog-shaped volume from one `items[]` entry (or a volume's own page: "full"), or null when unusable. */
export function toCatalogVolume(item: unknown, detail: CatalogVolume["detail"] = "search"): CatalogVolume | null {
  const parsed = googleVolumeSchema.safeParse(item);
  if (!parsed.success) return null;
  const { id, volumeInfo: info } = parsed.data;
  const authors = normalizeAuthors(info.authors ?? []);
  return {
    googleVolumeId: id,
    isbn13: isbn13Of(info.industryIdentifiers),
    title: info.title,
    subtitle: info.subtitle ?? null,
    authors,
    authorsSearch: authorsSearchText(authors),
    publisher: info.publisher ?? null,
    publishedDate: info.publishedDate ?? null,
    pageCount: info.pageCount ?? null,
    language: info.language ?? null,
    coverUrl: coverOf(info.imageLinks),
    description: info.description ?? null,
    subjects: [...new Set((info.categories ?? []).map((category) => category.trim()).filter(Boolean))].slice(0, 10),
    detail,
  };
}
