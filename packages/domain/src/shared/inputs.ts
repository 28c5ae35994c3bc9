import { z } from "zod";

/**
 * Control characters no person types: PostgreSQL cannot store NUL in text at
 * all (a 500 before this check), and the others only confuse what renders
 * the text. Tab, line feed and carriage return stay: multi-line fields use them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The one free-text input: trimmed, refusing control characters; chain `.min()` / `.max()` as usual. */
export function text(message = "Remove the control characters from this text") {
  return z
    .string()
    .trim()
    .refine((value) => !CONTROL_CHARACTERS.test(value), message);
}

/**
 * A yes/no input that survives a query string: a boolean, or the text
 * "true"/"false" ("1"/"0"). REST's query parameters are text, and
 * trpc-to-openapi coerces a plain `z.boolean()` there with `Boolean(value)`,
 * so `?isOnline=false` would read as true (docs/api.md). A default goes
 * inside (`flag(false)`), where the OpenAPI document shows it.
 */
export function flag(): z.ZodBoolean;
export function flag(byDefault: boolean): z.ZodDefault<z.ZodBoolean>;
export function flag(byDefault?: boolean): unknown {
  const fromText = (value: unknown) => (typeof value === "string" ? (QUERY_FLAGS[value] ?? value) : value);
  // Typed as the plain boolean a tRPC caller sends; the text forms are REST's.
  return z.preprocess(fromText, byDefault === undefined ? z.boolean() : z.boolean().default(byDefault));
}
const QUERY_FLAGS: Record<string, boolean> = { true: true, "1": true, false: false, "0": false };

/** The range every timestamp input lies in: PostgreSQL stores far more, but nothing Booky plans happens outside it. */
export const EARLIEST_TIMESTAMP = new Date("1900-01-01T00:00:00.000Z");
export const LATEST_TIMESTAMP = new Date("9999-12-31T23:59:59.999Z");

/** The one timestamp input: a date (or its ISO string) within years 1900–9999. */
export function timestamp(message = "Give a valid date and time") {
  return z.coerce
    .date(message)
    .min(EARLIEST_TIMESTAMP, "Give a date from 1900 on")
    .max(LATEST_TIMESTAMP, "Give a date before the year 10000");
}

/**
 * An update names at least one field with a value. A key present with
 * `undefined` (what superjson sends for `{ bio: undefined }`) does not count,
 * so an update that changes nothing is a BAD_REQUEST, never an empty SET.
 */
export const changesSomething = (value: object) => Object.values(value).some((field) => field !== undefined);
export const CHANGE_SOMETHING = "Change at least one field";
