import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert, Button, Card } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { withAnswer } from "./optimistic";

type Meeting = RouterOutputs["meetings"]["get"];
type RsvpStatus = "going" | "interested" | "not_going";
const rsvpLabels: Record<RsvpStatus, string> = { going: "Going", interested: "Interested", not_going: "Not going" };

export function RsvpCard({ meeting }: { meeting: Meeting }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.bets.pathKey() }),
    ]);
  // The answer shows at once; if the server refuses it, the previous one comes back.
  const meetingKey = trpc.meetings.get.queryKey({ meetingId: meeting.id });
  const rsvp = useMutation(
    trpc.meetings.rsvp.mutationOptions({
      onMutate: async ({ status, racing }) => {
        await queryClient.cancelQueries({ queryKey: meetingKey });
        const before = queryClient.getQueryData(meetingKey);
        if (before) queryClient.setQueryData(meetingKey, withAnswer(before, status, racing));
        return { before };
      },
      onError: (_error, _answer, context) => {
        if (context?.before) queryClient.setQueryData(meetingKey, context.before);
      },
      onSettled: refresh,
    }),
  );
  const answer = meeting.myRsvp?.status;
  const going = answer === "going";
  // Before "Going", the switch is a choice sent with the answer; once going, it changes at once.
  const [choice, setChoice] = useState(false);
  const withoutRacing = going ? meeting.myRsvp?.racing === false : choice;
  const setRacing = useMutation(trpc.progress.setRacing.mutationOptions({ onSettled: refresh }));
  const helpId = useId();

  return (
    <Card title="Are you coming?">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Your answer</legend>
        {(Object.keys(rsvpLabels) as RsvpStatus[]).map((status) => (
          <Button
            key={status}
            variant={answer === status ? "primary" : "secondary"}
            aria-pressed={answer === status}
            onClick={() =>
              rsvp.mutate({ meetingId: meeting.id, status, ...(status === "going" ? { racing: !choice } : {}) })
            }
          >
            {rsvpLabels[status]}
          </Button>
        ))}
      </fieldset>
      <label className="mt-3 flex items-center gap-2">
        <input
          type="checkbox"
          checked={withoutRacing}
          disabled={setRacing.isPending}
          aria-describedby={helpId}
          onChange={(event) => {
            const off = event.target.checked;
            setChoice(off);
            if (going) setRacing.mutate({ meetingId: meeting.id, racing: !off });
          }}
        />
        Read without racing
      </label>
      <p id={helpId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Others see you as “reading” without your page, and nobody can bet on you; you still earn the points for
        finishing and attending. Bets already on you are refunded.
      </p>
      {setRacing.isError && (
        <div className="mt-3">
          <Alert>{errorMessage(setRacing.error)}</Alert>
        </div>
      )}
      {rsvp.isError && (
        <div className="mt-3">
          <Alert>{errorMessage(rsvp.error)}</Alert>
        </div>
      )}
      <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
        {meeting.rsvpCounts.going} going · {meeting.rsvpCounts.interested} interested
        {!going && " · Answer “Going” to report your pages and join the race."}
      </p>
    </Card>
  );
}
