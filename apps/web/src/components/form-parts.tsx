import { type ComponentProps, type FormEventHandler, type ReactNode, useId } from "react";
import { Alert, Card, PageTitle, TextField } from "./ui";

/** A page that is one form in a card, under its title (log in, sign up, start a club). */
export function FormPage({
  title,
  subtitle,
  wide = false,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? "mx-auto max-w-xl" : "mx-auto max-w-md"}>
      <PageTitle subtitle={subtitle}>{title}</PageTitle>
      <Card>{children}</Card>
    </div>
  );
}

/**
 * A form the browser leaves unvalidated (the schema speaks instead), with its
 * banner (`error`) on top; its fields stack, or sit two by two from `sm` up (`grid`).
 */
export function Form({
  onSubmit,
  error,
  grid = false,
  label,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  error?: ReactNode;
  grid?: boolean;
  label?: string;
  children: ReactNode;
}) {
  const banner = error ? <Alert>{error}</Alert> : null;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
      className={grid ? "grid gap-4 sm:grid-cols-2" : "flex flex-col gap-4"}
    >
      {grid && banner ? <div className="sm:col-span-2">{banner}</div> : banner}
      {children}
    </form>
  );
}

type TextFieldProps = ComponentProps<typeof TextField>;

/** A password input; `isNew` for one being chosen, so password managers offer to generate it. */
export function PasswordField({ isNew = false, ...props }: TextFieldProps & { isNew?: boolean }) {
  return <TextField type="password" autoComplete={isNew ? "new-password" : "current-password"} {...props} />;
}

export function EmailField(props: Omit<TextFieldProps, "label">) {
  return <TextField label="E-mail" type="email" autoComplete="email" {...props} />;
}

/** Checkboxes for the values of one array field (scopes, events) under their legend, with the field's error. */
export function CheckboxGroup({
  legend,
  error,
  children,
}: {
  legend: string;
  error?: string | undefined;
  /** One `<label>` around each checkbox. */
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
