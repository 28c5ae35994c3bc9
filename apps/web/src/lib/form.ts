import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

/** Everything an input needs from a form: its registration and its current error message. */
export function fieldProps<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, name: Path<T>) {
  const error = form.formState.errors[name];
  return { ...form.register(name), error: typeof error?.message === "string" ? error.message : undefined };
}
