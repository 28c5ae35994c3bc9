import type { AppRouter } from "@booky/server";
import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export function isTRPCError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

/** A sentence a member can act on, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (isTRPCError(error)) {
    if (error.data?.code === "TOO_MANY_REQUESTS" && error.data.retryAfter) {
      const minutes = Math.ceil(error.data.retryAfter / 60);
      return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
    if (error.data?.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
    return error.message;
  }
  if (error instanceof TypeError) return "Cannot reach Booky. Check your connection and try again.";
  return "Something went wrong. Please try again.";
}

/**
 * Puts the server's per-field messages next to their inputs. Returns true when
 * at least one field was named, so the caller can skip a form-level banner.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!isTRPCError(error)) return false;
  let named = false;
  for (const field of fields) {
    const message = fieldError(error, field);
    if (message) {
      setError(field, { type: "server", message });
      named = true;
    }
  }
  return named;
}

/** The server's first message about `field` in a refused input, for forms kept in plain state. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isTRPCError(error)) return undefined;
  return (error.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined)?.[field]?.[0];
}
