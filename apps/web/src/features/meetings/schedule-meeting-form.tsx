import { createMeetingInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { Button } from "../../components/ui";
import { useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import type { PickedBook } from "../books/book-picker";
import { MeetingForm, meetingFieldNames } from "./meeting-fields";

type Values = z.input<typeof createMeetingInput>;

/** Schedules a meeting; `initialBook` pre-fills the book (a poll's winner). */
export function ScheduleMeetingForm({
  clubId,
  initialBook = null,
}: {
  clubId: string;
  initialBook?: PickedBook | null;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const form = useForm<Values, unknown, z.output<typeof createMeetingInput>>({
    resolver: zodResolver(createMeetingInput),
    defaultValues: {
      clubId,
      bookId: initialBook?.id ?? "",
      bookPageCount: null,
      place: null,
      link: null,
      readingDeadline: null,
    },
  });
  const { formError, clear, onError } = useServerErrors(form, meetingFieldNames);
  const create = useMutation(trpc.meetings.create.mutationOptions());
  const onSubmit = form.handleSubmit((values) => {
    clear();
    create.mutate(values, {
      onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`),
      onError,
    });
  });

  return (
    <MeetingForm form={form} initialBook={initialBook} onSubmit={onSubmit} error={formError}>
      <div className="sm:col-span-2">
        <Button type="submit" busy={create.isPending}>
          Schedule meeting
        </Button>
      </div>
    </MeetingForm>
  );
}
