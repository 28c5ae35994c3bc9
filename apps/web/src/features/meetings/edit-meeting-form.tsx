import { updateMeetingInput } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatISO } from "date-fns";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "../../components/ui";
import { useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { MeetingForm, meetingFieldNames } from "./meeting-fields";

type Meeting = RouterOutputs["meetings"]["get"];
/** The server's own rules for changed details, field by field. */
const changesSchema = updateMeetingInput.shape.changes;
type Values = z.input<typeof changesSchema>;
/** A date as a datetime-local input shows it: local time, to the minute ("2031-03-14T19:00"). */
const localInput = (date: Date) => formatISO(date).slice(0, 16);

/**
 * The book, when and where, while the meeting is still scheduled. Only the
 * fields the admin changed are sent, so an unchanged start time is never
 * re-checked and an unchanged book keeps its edition's page count.
 */
export function EditMeetingForm({
  meeting,
  onDone,
}: {
  meeting: Meeting;
  onDone: (outcome: "saved" | "dismissed") => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof changesSchema>>({
    resolver: zodResolver(changesSchema),
    defaultValues: {
      bookId: meeting.bookId,
      // Empty when the meeting reads the catalog's count (its default).
      bookPageCount: meeting.bookPageCount === meeting.book?.pageCount ? null : meeting.bookPageCount,
      startsAt: localInput(meeting.startsAt),
      // Empty when the deadline is the start time (its default).
      readingDeadline:
        meeting.readingDeadline.getTime() === meeting.startsAt.getTime() ? null : localInput(meeting.readingDeadline),
      place: meeting.place,
      link: meeting.link,
    },
  });
  const { formError, clear, onError } = useServerErrors(form, meetingFieldNames);
  const update = useMutation(
    trpc.meetings.update.mutationOptions({
      onSuccess: () =>
        Promise.all(
          [trpc.meetings.pathKey(), trpc.progress.pathKey()].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        ),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    clear();
    const dirty = form.formState.dirtyFields;
    const changes: z.output<typeof changesSchema> = {};
    if (dirty.bookId && values.bookId !== meeting.bookId) changes.bookId = values.bookId;
    if (dirty.bookPageCount) changes.bookPageCount = values.bookPageCount;
    if (dirty.startsAt) changes.startsAt = values.startsAt;
    // An empty deadline means "the start": it moves with a new start time.
    if (dirty.readingDeadline || (dirty.startsAt && values.readingDeadline === null)) {
      changes.readingDeadline = values.readingDeadline;
    }
    if (dirty.place) changes.place = values.place;
    if (dirty.link) changes.link = values.link;
    if (Object.keys(changes).length === 0) return onDone("dismissed");
    // The table requires a place or a link; say so here rather than as the database's refusal.
    if (!values.place && !values.link) {
      form.setError("place", { message: "Give a place or a link" });
      return;
    }
    update.mutate(
      { meetingId: meeting.id, changes },
      {
        onSuccess: () => onDone("saved"),
        onError,
      },
    );
  });

  return (
    <MeetingForm
      form={form}
      initialBook={meeting.book}
      markPicked
      onSubmit={onSubmit}
      error={formError}
      label="Edit meeting details"
    >
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={update.isPending}>
          Save details
        </Button>
        <Button variant="secondary" onClick={() => onDone("dismissed")}>
          Keep as it was
        </Button>
      </div>
    </MeetingForm>
  );
}
