import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert, Button, Card, ConfirmButton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useBetPool } from "../bets/use-bet-pool";
import { AttendanceForm } from "./attendance-form";
import { EditMeetingForm } from "./edit-meeting-form";

type Meeting = RouterOutputs["meetings"]["get"];

const guidance: Record<Meeting["status"], string> = {
  scheduled: "Start the meeting when you meet: bets become final. Until then you can change its details.",
  active: "Mark who came, then close the meeting: bets are settled and finish rewards paid a moment later.",
  closed: "The meeting is closed. You can still correct who came.",
  cancelled: "The meeting was cancelled.",
};

interface Step {
  label: string;
  question: string;
  confirmLabel: string;
  /** What to say once the step is taken. */
  done: string;
  /** What that message becomes once the bets' settlement shows, for the step that settles them. */
  settled?: string;
}

/** The steps of a meeting's life, each asked about before it is taken, and what to say once it is. */
const steps: Record<"start" | "close" | "cancel", Step> = {
  start: {
    label: "Start the meeting",
    question: "Start the meeting now? Bets become final.",
    confirmLabel: "Start now",
    done: "The meeting has started: bets are final. Mark who came below.",
  },
  close: {
    label: "Close the meeting",
    question: "Close the meeting and settle the bets?",
    confirmLabel: "Close and settle",
    done: "The meeting is closed: the bets are being settled.",
    settled: "The meeting is closed and the bets are settled: see the pool below.",
  },
  cancel: {
    label: "Cancel the meeting",
    question: "Cancel the meeting? Every stake is refunded.",
    confirmLabel: "Yes, cancel the meeting",
    done: "The meeting is cancelled: every stake is being refunded.",
  },
};

/** The club admins' controls: start, close or cancel the meeting, edit it, record attendance. */
export function MeetingControls({ meeting }: { meeting: Meeting }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  // A new object each time, so the same message twice still moves focus.
  const [done, setDone] = useState<{ message: string; onceSettled?: string } | null>(null);
  // "Being settled" is true only until the settlement shows (the pool below says what it paid): then the
  // message says so in place, so the focus it took keeps its target.
  const settled = Boolean(useBetPool(meeting.id).data?.settlement);
  const shown = done && (settled && done.onceSettled ? done.onceSettled : done.message);
  const doneRef = useRef<HTMLParagraphElement>(null);
  /** Set when the edit form closes unsaved: focus returns to the button that opened it. */
  const backToEdit = useRef(false);
  // The buttons just pressed may be gone: tell the member what happened, where their focus now is.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const refresh = () =>
    Promise.all(
      [trpc.meetings.pathKey(), trpc.bets.pathKey(), trpc.points.pathKey()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const start = useMutation(trpc.meetings.start.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.meetings.close.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.meetings.cancel.mutationOptions({ onSuccess: refresh }));
  const failed = [start, close, cancel].find((mutation) => mutation.isError);
  const mutations = { start, close, cancel };
  const stepButton = (step: keyof typeof steps) => {
    const { label, question, confirmLabel, done: message, settled: onceSettled } = steps[step];
    const mutation = mutations[step];
    return (
      <ConfirmButton
        variant={step === "cancel" ? "danger" : "primary"}
        question={question}
        confirmLabel={confirmLabel}
        busy={mutation.isPending}
        onConfirm={() => {
          setDone(null);
          mutation.mutate({ meetingId: meeting.id }, { onSuccess: () => setDone({ message, onceSettled }) });
        }}
      >
        {label}
      </ConfirmButton>
    );
  };

  if (meeting.myRole !== "owner" && meeting.myRole !== "admin") return null;
  const { status } = meeting;

  return (
    <Card title="Run the meeting">
      <div className="flex flex-col gap-4">
        <p className="text-stone-700 dark:text-stone-300">{guidance[status]}</p>
        {shown && (
          <Alert tone="success">
            <p ref={doneRef} tabIndex={-1}>
              {shown}
            </p>
          </Alert>
        )}
        {failed && <Alert>{errorMessage(failed.error)}</Alert>}
        {(status === "scheduled" || status === "active") && (
          <div className="flex flex-wrap items-center gap-2">
            {status === "scheduled" ? (
              <>
                {stepButton("start")}
                {!editing && (
                  <Button
                    variant="secondary"
                    onClick={() => setEditing(true)}
                    ref={(button) => {
                      if (button && backToEdit.current) button.focus();
                      backToEdit.current = false;
                    }}
                  >
                    Edit details
                  </Button>
                )}
              </>
            ) : (
              stepButton("close")
            )}
            {stepButton("cancel")}
          </div>
        )}
        {editing && status === "scheduled" && (
          <EditMeetingForm
            meeting={meeting}
            onDone={(outcome) => {
              setEditing(false);
              if (outcome === "saved") setDone({ message: "Details saved." });
              else backToEdit.current = true;
            }}
          />
        )}
        {(status === "active" || status === "closed") && <AttendanceForm meetingId={meeting.id} />}
      </div>
    </Card>
  );
}
