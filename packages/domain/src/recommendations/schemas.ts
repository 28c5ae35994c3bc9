import { z } from "zod";
import { pageInput } from "../shared/pagination.js";

/** Recommendations come in short pages of a ranked list. */
export const recommendationsInput = pageInput.extend({ limit: z.int().min(1).max(20).default(10) });
