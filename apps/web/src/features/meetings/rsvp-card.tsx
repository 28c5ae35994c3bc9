import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

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
  const rsvp = useMutation(trpc.meetings.rsvp.mutationOptions({ onSuccess: refresh }));
  const answer = meeting.myRsvp?.status;

  return (
    <Card title="Are you coming?">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Your answer</legend>
        {(Object.keys(rsvpLabels) as RsvpStatus[]).map((status) => (
          <Button
            key={status}
            variant={answer === status ? "primary" : "secondary"}
            aria-pressed={answer === status}
            busy={rsvp.isPending && rsvp.variables?.status === status}
            onClick={() => rsvp.mutate({ meetingId: meeting.id, status })}
          >
            {rsvpLabels[status]}
          </Button>
        ))}
      </fieldset>
      {rsvp.isError && (
        <div className="mt-3">
          <Alert>{errorMessage(rsvp.error)}</Alert>
        </div>
      )}
      <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
        {meeting.rsvpCounts.going} going · {meeting.rsvpCounts.interested} interested
        {answer !== "going" && " · Answer “Going” to report your pages and join the race."}
      </p>
    </Card>
  );
}
