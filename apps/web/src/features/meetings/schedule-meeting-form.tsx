import { createMeetingInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { Alert, Button } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import type { PickedBook } from "../books/book-picker";
import { MeetingFields, meetingFieldNames } from "./meeting-fields";

type Values = z.input<typeof createMeetingInput>;
const fields = meetingFieldNames;

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
      <MeetingFields form={form} book={book} onPick={pick} />
      <div className="sm:col-span-2">
        <Button type="submit" busy={create.isPending}>
          Schedule meeting
        </Button>
      </div>
    </form>
  );
}
