import { z } from "zod";
import { text, timestamp } from "../shared/inputs.js";

/**
 * What a personal access token may do. `read` is every query; each `…:write`
 * is the changes of one area (the procedures naming it in `meta.scope`).
 * Anything else (tokens, passwords, account deletion) needs a signed-in session.
 */
export const API_TOKEN_SCOPES = ["read", "progress:write", "bets:write", "clubs:write", "meetings:write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Personal access tokens start with this, so a leaked one is easy to recognise (and to tell from a JWT). */
export const API_TOKEN_PREFIX = "bky_";

export const createApiTokenInput = z.object({
  name: text().min(1, "Name the token").max(60),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES))
    .min(1, "Pick at least one scope")
    .max(API_TOKEN_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Name each scope once"),
  /** When it stops working; null keeps it until revoked. */
  expiresAt: timestamp()
    .refine((date) => date.getTime() > Date.now(), "Pick a moment in the future")
    .nullable()
    .default(null),
});

export const apiTokenIdInput = z.object({ tokenId: z.uuid("Unknown token") });
