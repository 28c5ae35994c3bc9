import { type FormEventHandler, type ReactNode, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { Form } from "../../components/form-parts";
import { TextField } from "../../components/ui";
import { fieldProps } from "../../lib/form";
import { BookPicker, type PickedBook } from "../books/book-picker";

/** The fields a meeting's details share, whether scheduled or edited. */
export const meetingFieldNames = ["bookId", "bookPageCount", "startsAt", "readingDeadline", "place", "link"] as const;
type MeetingField = (typeof meetingFieldNames)[number];

export const emptyToNull = (value: string) => (value ? value : null);
/** An empty (or untouched: null) pages field means "the catalog's page count". */
export const pagesOrNull = (value: string | number | null | undefined) =>
  value === "" || value === null || value === undefined || Number.isNaN(Number(value)) ? null : Number(value);

type MeetingFormValues = FieldValues & Partial<Record<MeetingField, unknown>>;

/**
 * A meeting's form, scheduled or edited: its banner, the fields and, under
 * them, `children` (the buttons). Picking a book sets `bookId`, marked
 * changed when `markPicked` (an edit sends only what changed).
 */
export function MeetingForm<T extends MeetingFormValues>({
  form,
  initialBook,
  markPicked = false,
  onSubmit,
  error,
  label,
  children,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  initialBook: PickedBook | null;
  markPicked?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null;
  label?: string;
  children: ReactNode;
}) {
  const [book, setBook] = useState(initialBook);
  const pick = (picked: PickedBook | null) => {
    setBook(picked);
    form.setValue("bookId" as Path<T>, (picked?.id ?? "") as PathValue<T, Path<T>>, {
      shouldDirty: markPicked,
      shouldValidate: form.formState.isSubmitted,
    });
  };
  return (
    <Form onSubmit={onSubmit} error={error} label={label} grid>
      <MeetingFields form={form} book={book} onPick={pick} />
      {children}
    </Form>
  );
}

/**
 * Book (through the catalog picker), pages, start, reading deadline, place
 * and link, for a form whose values include those fields.
 */
function MeetingFields<T extends MeetingFormValues>({
  form,
  book,
  onPick,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  book: PickedBook | null;
  onPick: (picked: PickedBook | null) => void;
}) {
  const name = (field: MeetingField) => field as Path<T>;
  const bookError = form.formState.errors.bookId?.message;
  return (
    <>
      <div className="sm:col-span-2">
        <BookPicker value={book} onChange={onPick} error={typeof bookError === "string" ? bookError : undefined} />
      </div>
      <TextField
        label={book?.pageCount ? "Pages (optional)" : "Pages"}
        type="number"
        placeholder={book?.pageCount ? String(book.pageCount) : undefined}
        hint={
          book?.pageCount
            ? "Empty: the catalog's page count, unless your edition differs."
            : "The catalog does not know the page count: give it."
        }
        {...fieldProps(form, name("bookPageCount"))}
        {...form.register(name("bookPageCount"), { setValueAs: pagesOrNull })}
      />
      <TextField label="Starts at" type="datetime-local" {...fieldProps(form, name("startsAt"))} />
      <TextField
        label="Reading deadline (optional)"
        type="datetime-local"
        hint="Empty: the start of the meeting."
        {...fieldProps(form, name("readingDeadline"))}
        {...form.register(name("readingDeadline"), { setValueAs: emptyToNull })}
      />
      <TextField
        label="Place"
        {...fieldProps(form, name("place"))}
        {...form.register(name("place"), { setValueAs: emptyToNull })}
      />
      <TextField
        label="Video link"
        type="url"
        {...fieldProps(form, name("link"))}
        {...form.register(name("link"), { setValueAs: emptyToNull })}
      />
    </>
  );
}
