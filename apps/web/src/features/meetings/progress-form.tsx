import { updateProgressInput } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { type InfiniteData, onlineManager, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage, isTRPCError } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { boardWithPage, pageAfter, withPage } from "./optimistic";
import { forgetWaitingReport, keepWaitingReport, waitingReport } from "./waiting-report";

type Values = z.input<typeof updateProgressInput>;
type Mine = RouterOutputs["progress"]["get"];
type Board = RouterOutputs["progress"]["forMeeting"];
/** What a lost compare-and-set answers: the progress as it is now (null if there is none yet). */
type CurrentProgress = { page: number; version: number } | null;

function conflictState(error: unknown): CurrentProgress | undefined {
  if (!isTRPCError(error) || error.data?.code !== "CONFLICT") return undefined;
  return (error.data as { current?: CurrentProgress }).current;
}

/**
 * The attendee's own progress. Each update names the version it was based on
 * (the one on screen); if another device moved on meanwhile, the server says
 * CONFLICT with where things stand, and the member can retry on top of it.
 * Offline, a report waits (React Query pauses the mutation until the browser
 * is back online, then sends it): a conflict found then shows the same way.
 * The waiting report is also kept on the device (waiting-report.ts), so a
 * reload or a closed app sends it the next time this form opens online.
 */
export function ProgressForm({ meetingId, pageCount, mine }: { meetingId: string; pageCount: number; mine: Mine }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof updateProgressInput>>({
    resolver: zodResolver(updateProgressInput),
    defaultValues: { meetingId, page: mine.page, expectedVersion: mine.version, correction: false },
  });
  // The version the member is looking at is the one an update is based on.
  useEffect(() => form.setValue("expectedVersion", mine.version), [form, mine.version]);
  const session = useSession();
  const myId = session.status === "authenticated" ? session.user.id : "";
  const mineKey = trpc.progress.get.queryKey({ meetingId });
  const boardKey = trpc.progress.forMeeting.pathKey();
  // The new page shows on my bar at once; a refused update (another device moved on) puts it back.
  const report = useMutation(
    trpc.progress.update.mutationOptions({
      onMutate: async (update) => {
        await queryClient.cancelQueries({ queryKey: trpc.progress.pathKey() });
        const mineBefore = queryClient.getQueryData(mineKey);
        const boardsBefore = queryClient.getQueriesData<InfiniteData<Board>>({ queryKey: boardKey });
        const page = pageAfter(update, pageCount);
        if (mineBefore) queryClient.setQueryData(mineKey, withPage(mineBefore, page, pageCount));
        queryClient.setQueriesData<InfiniteData<Board>>({ queryKey: boardKey }, (board) =>
          board?.pages ? boardWithPage(board, myId, page) : board,
        );
        return { mineBefore, boardsBefore };
      },
      onError: (_error, _update, context) => {
        if (context?.mineBefore) queryClient.setQueryData(mineKey, context.mineBefore);
        for (const [key, board] of context?.boardsBefore ?? []) queryClient.setQueryData(key, board);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
    }),
  );
  const send = (values: z.output<typeof updateProgressInput>) => {
    if (!onlineManager.isOnline()) void keepWaitingReport(values);
    report.mutate(values, {
      onSuccess: (saved) =>
        form.reset({ meetingId, page: saved.page, expectedVersion: saved.version, correction: false }),
      onError: (error) => applyServerFieldErrors(error, form.setError, ["page"]),
      // Answered either way (saved, or a conflict shown with its retry): nothing waits any more.
      onSettled: () => void forgetWaitingReport(meetingId),
    });
  };
  // A report kept from an earlier visit (made offline, then the page closed) goes out once, when the form opens.
  const replayed = useRef(false);
  useEffect(() => {
    if (replayed.current) return;
    replayed.current = true;
    void waitingReport(meetingId).then((kept) => {
      if (kept) send(kept);
    });
  });
  const onSubmit = form.handleSubmit(send);
  const onFinished = () =>
    send({ meetingId, finished: true, expectedVersion: form.getValues("expectedVersion"), correction: false });

  const conflict = report.isError ? conflictState(report.error) : undefined;
  // The same change again, now based on the version the server says is current.
  const retry = () =>
    report.variables &&
    send({
      ...report.variables,
      correction: report.variables.correction ?? false,
      expectedVersion: conflict?.version ?? 0,
    });
  const fieldNamed = Boolean(form.formState.errors.page);
  // Waiting for the connection is not "busy": the member may leave the page open and read on.
  const sending = report.isPending && !report.isPaused;

  return (
    <Card title="Your progress">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label={`Page reached (of ${pageCount})`}
            type="number"
            inputMode="numeric"
            min={0}
            max={pageCount}
            className="w-44"
            {...fieldProps(form, "page")}
            {...form.register("page", { valueAsNumber: true })}
          />
          <Button type="submit" busy={sending && !report.variables?.finished}>
            Update
          </Button>
          {!mine.finished && (
            <Button variant="secondary" busy={sending && report.variables?.finished === true} onClick={onFinished}>
              I finished the book
            </Button>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("correction")} />
          This is a correction (I went too far before)
        </label>
        <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
          {mine.finished
            ? "You have read the whole book."
            : mine.version === 0
              ? "Report the page you reached; your friends see it within seconds."
              : `Last saved: page ${mine.page} (${mine.percent}%).`}
        </p>
        {report.isPaused && (
          <Alert tone="info">
            You are offline: your report ({report.variables?.finished ? "finished" : `page ${report.variables?.page}`})
            is kept on this device and sent as soon as the connection returns.
          </Alert>
        )}
        {conflict !== undefined && (
          <Alert>
            <p>
              {errorMessage(report.error)}: {conflict ? `page ${conflict.page}` : "no progress yet"}.
            </p>
            <Button variant="secondary" className="mt-2 px-3 py-1" busy={report.isPending} onClick={retry}>
              {report.variables?.finished
                ? "Mark the book finished anyway"
                : `Save page ${report.variables?.page} anyway`}
            </Button>
          </Alert>
        )}
        {report.isError && conflict === undefined && !fieldNamed && <Alert>{errorMessage(report.error)}</Alert>}
      </form>
    </Card>
  );
}
