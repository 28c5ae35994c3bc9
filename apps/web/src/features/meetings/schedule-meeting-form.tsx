import { createMeetingInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { Alert, Button, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { BookPicker, type PickedBook } from "../books/book-picker";

type Values = z.input<typeof createMeetingInput>;
const fields = ["bookId", "bookPageCount", "startsAt", "readingDeadline", "place", "link"] as const;
const emptyToNull = (value: string) => (value ? value : null);
/** An empty (or untouched: null) pages field means "the catalog's page count". */
const pagesOrNull = (value: string | number | null | undefined) =>
  value === "" || value === null || value === undefined || Number.isNaN(Number(value)) ? null : Number(value);

export function ScheduleMeetingForm({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [book, setBook] = useState<PickedBook | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createMeetingInput>>({
    resolver: zodResolver(createMeetingInput),
    defaultValues: { clubId, bookPageCount: null, place: null, link: null, readingDeadline: null },
  });
  const create = useMutation(trpc.meetings.create.mutationOptions());
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`),
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, fields)) setFormError(errorMessage(error));
      },
    });
  });
  const pick = (picked: PickedBook | null) => {
    setBook(picked);
    form.setValue("bookId", picked?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {formError && (
        <div className="sm:col-span-2">
          <Alert>{formError}</Alert>
        </div>
      )}
      <div className="sm:col-span-2">
        <BookPicker value={book} onChange={pick} error={form.formState.errors.bookId?.message} />
      </div>
      <TextField
        label={book?.pageCount ? "Pages (optional)" : "Pages"}
        type="number"
        placeholder={book?.pageCount ? String(book.pageCount) : undefined}
        hint={
          book?.pageCount
            ? "The catalog's page count, unless your edition differs."
            : "The catalog does not know the page count: give it."
        }
        {...fieldProps(form, "bookPageCount")}
        {...form.register("bookPageCount", { setValueAs: pagesOrNull })}
      />
      <TextField label="Starts at" type="datetime-local" {...fieldProps(form, "startsAt")} />
      <TextField
        label="Reading deadline (optional)"
        type="datetime-local"
        hint="Defaults to the start of the meeting."
        {...fieldProps(form, "readingDeadline")}
        {...form.register("readingDeadline", { setValueAs: emptyToNull })}
      />
      <TextField
        label="Place"
        {...fieldProps(form, "place")}
        {...form.register("place", { setValueAs: emptyToNull })}
      />
      <TextField
        label="Video link"
        type="url"
        {...fieldProps(form, "link")}
        {...form.register("link", { setValueAs: emptyToNull })}
      />
      <div className="sm:col-span-2">
        <Button type="submit" busy={create.isPending}>
          Schedule meeting
        </Button>
      </div>
    </form>
  );
}
