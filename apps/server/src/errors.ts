/**
 * Booky's own errors. Services, jobs and the HTTP helpers throw these; the
 * tRPC layer (`trpc.ts`) turns them into `TRPCError`s in one place, so
 * nothing below the routers depends on tRPC and the worker reuses services
 * as they are.
 */

export type AppErrorKind =
  | "invalid" // the input is wrong (a field named when one is to blame)
  | "unauthorized" // no live session
  | "forbidden" // signed in, not allowed
  | "not_found"
  | "conflict" // the current state does not allow it (or someone got there first)
  | "rate_limited"
  | "unavailable"; // a service Booky depends on is down

export class AppError extends Error {
  /** Per-field problems, shaped like zod's issues so the error formatter treats both alike. */
  readonly issues?: { path: string[]; message: string }[];
  /** For a lost compare-and-set: what is current now, so the client can redo its change on top. */
  readonly current?: unknown;
  /** For `rate_limited`: seconds until the next attempt is allowed. */
  readonly retryAfter?: number;

  constructor(
    readonly kind: AppErrorKind,
    message: string,
    details: { field?: string; current?: unknown; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "AppError";
    if (details.field) this.issues = [{ path: [details.field], message }];
    if ("current" in details) this.current = details.current;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

export const notFound = (message: string) => new AppError("not_found", message);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const unauthorized = (message: string) => new AppError("unauthorized", message);
export const unavailable = (message: string, cause?: unknown) => new AppError("unavailable", message, { cause });

/** Bad input that names its field, so a form shows the message next to it. */
export const fieldError = (field: string, message: string) => new AppError("invalid", message, { field });

/** A compare-and-set lost: CONFLICT carrying the current state. */
export const staleError = (message: string, current: unknown) => new AppError("conflict", message, { current });

export const rateLimited = (retryAfter: number) =>
  new AppError("rate_limited", `Too many attempts; try again in ${retryAfter} seconds`, { retryAfter });
