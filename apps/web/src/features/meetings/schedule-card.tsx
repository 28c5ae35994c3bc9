import { type ReadingStanding, setScheduleInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFieldArray, useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { MutationError } from "../../components/query-view";
import { Alert, Button, Card, TextField } from "../../components/ui";
import { useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof setScheduleInput>;

export const standingLabels: Record<ReadingStanding, string> = {
  ahead: "Ahead",
  on_track: "On track",
  behind: "Behind",
};

const standingTone: Record<ReadingStanding, string> = {
  ahead: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  on_track: "bg-stone-100 text-stone-900 dark:bg-stone-800 dark:text-stone-100",
  behind: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
};

/** A reader's place against the schedule, as a small badge. */
export function StandingBadge({ standing }: { standing: ReadingStanding }) {
  return (
    <span className={`ml-2 rounded px-2 py-0.5 text-xs ${standingTone[standing]}`}>{standingLabels[standing]}</span>
  );
}

const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/**
 * The meeting's reading schedule: its milestones, each with a link to its
 * discussion thread (spoilers up to its end) or, for club admins, the button
 * that opens one; and for club admins the editor.
 */
export function ScheduleCard({
  meetingId,
  clubSlug,
  canEdit,
}: {
  meetingId: string;
  /** The club's address, for the milestone threads' links (null while it loads). */
  clubSlug: string | null;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedule = useQuery(trpc.schedules.get.queryOptions({ meetingId }));
  const openThread = useMutation(
    trpc.schedules.openThread.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.schedules.get.queryKey({ meetingId }) }),
    }),
  );
  const milestones = schedule.data?.milestones ?? [];
  return (
    <Card title="Reading schedule">
      <MutationError of={[openThread]} />
      {milestones.length === 0 ? (
        <p>No schedule: read at your own pace until the deadline.</p>
      ) : (
        <ol aria-label="Milestones" className="flex flex-col gap-1">
          {milestones.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>
                Up to page {m.untilPage} by{" "}
                <time dateTime={m.dueAt.toISOString()}>
                  {m.dueAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </span>
              {m.threadId && clubSlug ? (
                <Link
                  to={`/clubs/${clubSlug}/discussions/${m.threadId}`}
                  className="text-sm text-brand-700 underline dark:text-brand-500"
                >
                  Discuss up to page {m.untilPage}
                </Link>
              ) : (
                canEdit &&
                !m.threadId && (
                  <Button
                    variant="secondary"
                    aria-label={`Open a thread for pages up to ${m.untilPage}`}
                    busy={openThread.isPending && openThread.variables?.milestoneId === m.id}
                    onClick={() => openThread.mutate({ meetingId, milestoneId: m.id })}
                  >
                    Open a thread
                  </Button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && schedule.data && (
        <ScheduleEditor
          meetingId={meetingId}
          initial={milestones.map((m) => ({ untilPage: m.untilPage, dueAt: localInput(m.dueAt) }))}
        />
      )}
    </Card>
  );
}

function ScheduleEditor({
  meetingId,
  initial,
}: {
  meetingId: string;
  initial: { untilPage: number; dueAt: string }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof setScheduleInput>>({
    resolver: zodResolver(setScheduleInput),
    defaultValues: { meetingId, milestones: initial },
  });
  const rows = useFieldArray({ control: form.control, name: "milestones" });
  const { formError, clear, onError } = useServerErrors(form, ["milestones"]);
  const save = useMutation(
    trpc.schedules.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.schedules.get.queryKey({ meetingId }) }),
    }),
  );
  const listError = form.formState.errors.milestones;
  const message = listError?.message ?? listError?.root?.message;
  return (
    <form
      noValidate
      className="mt-4 flex flex-col gap-3"
      onSubmit={form.handleSubmit((values) => {
        clear();
        save.mutate(values, { onError });
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      {message && <Alert>{message}</Alert>}
      {save.isSuccess && <Alert tone="success">Schedule saved.</Alert>}
      {rows.fields.map((field, index) => (
        <div key={field.id} className="grid items-end gap-2 sm:grid-cols-[8rem_1fr_auto]">
          <TextField
            label={`Milestone ${index + 1}: up to page`}
            type="number"
            {...form.register(`milestones.${index}.untilPage`, { valueAsNumber: true })}
          />
          <TextField
            label={`Milestone ${index + 1}: by`}
            type="datetime-local"
            {...form.register(`milestones.${index}.dueAt`)}
          />
          <Button variant="secondary" onClick={() => rows.remove(index)}>
            Remove milestone {index + 1}
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => rows.append({ untilPage: 0, dueAt: "" })}>
          Add a milestone
        </Button>
        <Button type="submit" busy={save.isPending}>
          Save schedule
        </Button>
      </div>
    </form>
  );
}
