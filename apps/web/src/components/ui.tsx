import { type ComponentProps, forwardRef, type ReactNode, useId, useState } from "react";

const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

type Variant = "primary" | "secondary" | "danger";
type ButtonProps = ComponentProps<"button"> & { variant?: Variant; busy?: boolean };

/** The button look, also for links that act as buttons (`<Link className={buttonClass()}>`). */
export function buttonClass(variant: Variant = "primary", className?: string) {
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition disabled:cursor-not-allowed disabled:opacity-60",
    variant === "primary" && "bg-brand-700 text-white hover:bg-brand-800",
    variant === "secondary" &&
      "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800",
    variant === "danger" && "bg-red-700 text-white hover:bg-red-800",
    className,
  );
}

export function Button({ variant = "primary", busy = false, className, children, disabled, ...props }: ButtonProps) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={buttonClass(variant, className)}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

export function Spinner({ label }: { label?: string }) {
  return (
    <span role={label ? "status" : undefined} className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
      />
      {label && <span>{label}</span>}
    </span>
  );
}

/** The border of an input, select or text area: red while it has an error. */
const controlClass = (error: string | undefined) =>
  cx(
    "rounded-lg border bg-white px-3 py-2 text-base dark:bg-stone-900",
    error ? "border-red-600" : "border-stone-300 dark:border-stone-700",
  );

/** What a control's `aria-*` needs to be invalid and described by its error and hint. */
const describe = (id: string, error: string | undefined, hint?: string) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined,
});

/** A control under its label, with its hint (until there is an error) and its error, announced, below. */
function Labelled({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps = ComponentProps<"input"> & { label: string; error?: string | undefined; hint?: string };

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, FieldProps>(function TextField(
  { label, error, hint, className, ...props },
  ref,
) {
  const id = useId();
  return (
    <Labelled id={id} label={label} error={error} hint={hint} className={className}>
      <input {...props} ref={ref} id={id} {...describe(id, error, hint)} className={controlClass(error)} />
    </Labelled>
  );
});

type TextAreaProps = ComponentProps<"textarea"> & { label: string; error?: string | undefined };

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { label, error, ...props },
  ref,
) {
  const id = useId();
  return (
    <Labelled id={id} label={label} error={error}>
      <textarea {...props} ref={ref} id={id} rows={4} {...describe(id, error)} className={controlClass(error)} />
    </Labelled>
  );
});

export function Alert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx(
        "rounded-lg border px-4 py-3 text-sm",
        tone === "error" &&
          "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
        tone === "success" &&
          "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100",
        tone === "info" &&
          "border-stone-300 bg-white text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100",
      )}
    >
      {children}
    </div>
  );
}

/** A panel; with a title it is a named region, so assistive technology can list and jump to it. */
export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={cx(
        "rounded-2xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900",
        className,
      )}
    >
      {title && (
        <h2 id={titleId} className="mb-4 font-serif text-xl font-semibold">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}

export function PageTitle({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{children}</h1>
      {subtitle && <p className="mt-1 text-stone-600 dark:text-stone-400">{subtitle}</p>}
    </header>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cx("animate-pulse rounded-lg bg-stone-200 dark:bg-stone-800", className)} />
  );
}

type SelectProps = ComponentProps<"select"> & { label: string; error?: string | undefined };

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { label, error, className, children, ...props },
  ref,
) {
  const id = useId();
  return (
    <Labelled id={id} label={label} error={error} className={className}>
      <select {...props} ref={ref} id={id} {...describe(id, error)} className={controlClass(error)}>
        {children}
      </select>
    </Labelled>
  );
});

/** A search box under its label, searching as the member types. */
export function SearchInput({
  label,
  value,
  onChange,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  className?: string;
}) {
  return (
    <label className={cx("flex flex-col gap-1 text-sm font-medium", className)}>
      {label}
      <input
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-900"
      />
    </label>
  );
}

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="text-stone-600 dark:text-stone-400">{children}</p>;
}

/** The "more" button under a cursor-paginated list; absent once the last page is loaded. */
export function LoadMore({
  query,
  label,
  className = "mt-4 flex justify-center",
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
  /** Where the button sits; centred under the list by default. */
  className?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className={className}>
      <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
        {label}
      </Button>
    </div>
  );
}

/**
 * A button for a step that is hard to undo: the first press asks, the second
 * (on "confirm") acts and folds the question away; the button then shows
 * `busy` while the step runs. `question` is read out when the choice appears.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  busy = false,
  variant = "danger",
  size = "normal",
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  variant?: Variant;
  size?: "normal" | "small";
}) {
  const [asking, setAsking] = useState(false);
  const sizeClass = size === "small" ? "px-3 py-1" : undefined;
  if (!asking) {
    return (
      <Button
        variant={variant === "danger" ? "secondary" : variant}
        className={sizeClass}
        busy={busy}
        onClick={() => setAsking(true)}
      >
        {children}
      </Button>
    );
  }
  return (
    <fieldset aria-label={question} className="inline-flex flex-wrap items-center gap-2">
      <span role="status" className="text-sm">
        {question}
      </span>
      <Button
        variant={variant}
        className={sizeClass}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="secondary" className={sizeClass} onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </fieldset>
  );
}

/** The buttons that act on one item of a list, named for assistive technology ("Request from Ada"). */
export function ActionGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset aria-label={label} className="flex flex-wrap gap-2">
      {children}
    </fieldset>
  );
}

/** A labelled bar from 0 to 100 % (reading progress), announced with its value in words. */
export function ProgressBar({ label, percent, valueText }: { label: string; percent: number; valueText: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className="mt-1 h-3 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
    >
      <div
        className="h-full rounded-full bg-brand-600 transition-[width] duration-500"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
