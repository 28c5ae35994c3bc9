import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
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
      onMutate: async ({ status }) => {
        await queryClient.cancelQueries({ queryKey: meetingKey });
        const before = queryClient.getQueryData(meetingKey);
        if (before) queryClient.setQueryData(meetingKey, withAnswer(before, status));
        return { before };
      },
      onError: (_error, _answer, context) => {
        if (context?.before) queryClient.setQueryData(meetingKey, context.before);
      },
      onSettled: refresh,
    }),
  );
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
