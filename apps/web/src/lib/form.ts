import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { applyServerFieldErrors, errorMessage } from "./errors";

/** Everything an input needs from a form: its registration and its current error message. */
export function fieldProps<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, name: Path<T>) {
  const error = form.formState.errors[name];
  return { ...form.register(name), error: typeof error?.message === "string" ? error.message : undefined };
}

/**
 * A form's refusals from the server: those about one of `fields` go under that
 * input, any other becomes `formError`, the banner over the form. `clear` it
 * before sending again.
 */
export function useServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  fields: readonly Path<T>[],
) {
  const [formError, setFormError] = useState<string | null>(null);
  return {
    formError,
    clear: () => setFormError(null),
    onError: (error: unknown) => {
      if (!applyServerFieldErrors(error, form.setError, fields)) setFormError(errorMessage(error));
    },
  };
}
