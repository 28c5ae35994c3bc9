import { z } from "zod";

/** The most rows one page of any list may ask for. */
export const PAGE_SIZE_MAX = 50;

/** Every list's paging input: an opaque cursor from the previous page, and a page size. */
export const pageInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.int().min(1).max(PAGE_SIZE_MAX).default(20),
});
