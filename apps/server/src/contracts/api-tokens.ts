import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { pageOf } from "./shared.js";

export const apiTokenOutput = rowSchemas.apiTokens.pick({
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
});

/** The new token, in clear this once: Booky keeps only its digest. */
export const createdApiTokenOutput = apiTokenOutput.extend({ token: z.string() });

export const apiTokensOutput = pageOf(apiTokenOutput);
