import { REPORT_REASONS } from "@booky/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Alert, Button, SelectField, TextArea } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { reasonLabels } from "../moderation/labels";

type Target = { kind: "thread"; id: string } | { kind: "comment"; id: string } | { kind: "member"; username: string };

/** Reports a thread, a comment or a member to the club's moderators, in a modal dialog. */
export function ReportButton({ clubId, target, label }: { clubId: string; target: Target; label: string }) {
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState<(typeof REPORT_REASONS)[number]>("spoiler");
  const [details, setDetails] = useState("");
  const report = useMutation(trpc.discussions.report.mutationOptions());
  useEffect(() => () => dialog.current?.close(), []);

  return (
    <>
      <Button variant="secondary" className="px-3 py-1" onClick={() => dialog.current?.showModal()} aria-label={label}>
        Report
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="w-full max-w-md rounded-xl border border-stone-200 bg-white p-6 text-stone-900 backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id={titleId} className="mb-4 font-serif text-xl font-semibold">
          {label}
        </h2>
        {report.isSuccess ? (
          <div className="flex flex-col gap-4">
            <Alert tone="success">Thank you: the club's moderators will look at it.</Alert>
            <Button onClick={() => dialog.current?.close()}>Close</Button>
          </div>
        ) : (
          <form
            className="flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              report.mutate({ clubId, target, reason, details });
            }}
          >
            <SelectField
              label="Reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as typeof reason)}
            >
              {REPORT_REASONS.map((value) => (
                <option key={value} value={value}>
                  {reasonLabels[value]}
                </option>
              ))}
            </SelectField>
            <TextArea label="Details (optional)" value={details} onChange={(event) => setDetails(event.target.value)} />
            {report.isError && <Alert>{errorMessage(report.error)}</Alert>}
            <div className="flex gap-2">
              <Button type="submit" busy={report.isPending}>
                Send report
              </Button>
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
