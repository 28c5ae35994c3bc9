import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
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

/**
 * Book (through the catalog picker), pages, start, reading deadline, place
 * and link, for a form whose values include those fields.
 */
export function MeetingFields<T extends FieldValues & Partial<Record<MeetingField, unknown>>>({
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
