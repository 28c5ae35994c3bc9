import type { RouterOutputs } from "@booky/server";

export type Case = RouterOutputs["moderation"]["queue"]["items"][number];
export type CaseDetail = RouterOutputs["moderation"]["case"];
export type AuditEntry = RouterOutputs["moderation"]["audit"]["items"][number];

/**
 * Where moderation happens: one club's (its admins, `/clubs/:slug/moderation`)
 * or every club's (site admins, `/admin`). The same pages serve both.
 */
export type Scope = { kind: "club"; clubId: string; base: string } | { kind: "site"; base: string };
