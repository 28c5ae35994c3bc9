import type { RouterOutputs } from "@booky/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MeetingTime } from "../../components/meeting-time";
import { MutationError } from "../../components/query-view";
import { Alert, Button, Card, TextField } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { meetingQueries } from "./meeting-queries";

type DatePoll = NonNullable<RouterOutputs["datePolls"]["get"]>;

interface DatePollCardProps {
  meetingId: string;
  /** The club's zone, to show each time as the club reads it too. */
  zone: string;
  /** The caller may mark times (a club member). */
  canMark: boolean;
  /** The caller opens the poll and picks (a club admin) and the meeting is still to come. */
  canPick: boolean;
}

const suits = (count: number) => (count === 1 ? "suits 1 member" : `suits ${count} members`);

/**
 * The meeting's date poll: members tick the times that suit them (and may
 * change them until one is picked); a club admin sees how many each time
 * suits and picks one, which moves the meeting there. Without a poll, the
 * admin may open one.
 */
export function DatePollCard({ meetingId, zone, canMark, canPick }: DatePollCardProps) {
  const trpc = useTRPC();
  const poll = useQuery(meetingQueries(trpc, meetingId).datePoll);
  if (!poll.isSuccess) return null;
  if (poll.data === null) {
    return canPick ? (
      <Card title="When to meet">
        <OpenDatePoll meetingId={meetingId} />
      </Card>
    ) : null;
  }
  return (
    <Card title="When to meet">
      <DatePollView
        key={poll.data.options.map((o) => `${o.id}:${o.mine}`).join()}
        meetingId={meetingId}
        zone={zone}
        poll={poll.data}
        canMark={canMark}
        canPick={canPick}
      />
    </Card>
  );
}

function useRefresh(meetingId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.datePolls.get.queryKey({ meetingId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.meetings.get.queryKey({ meetingId }) }),
    ]);
}

function DatePollView({ meetingId, zone, poll, canMark, canPick }: DatePollCardProps & { poll: DatePoll }) {
  const trpc = useTRPC();
  const refresh = useRefresh(meetingId);
  const [marked, setMarked] = useState(() => poll.options.filter((o) => o.mine).map((o) => o.id));
  const mark = useMutation(trpc.datePolls.mark.mutationOptions({ onSuccess: refresh }));
  const pick = useMutation(trpc.datePolls.pick.mutationOptions({ onSuccess: refresh }));
  const picked = poll.options.find((o) => o.id === poll.pickedOptionId);
  const open = !picked;
  return (
    <div className="flex flex-col gap-3">
      <MutationError of={[mark, pick]} />
      {picked ? (
        <Alert tone="success">
          The meeting is set for <MeetingTime at={picked.startsAt} zone={zone} />.
        </Alert>
      ) : (
        <p>Tick every time that suits you; you may change your answer until a time is picked.</p>
      )}
      {mark.isSuccess && open && <Alert tone="success">Your times are saved.</Alert>}
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Times that suit me</legend>
        {poll.options.map((option) => {
          const label = option.startsAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
          return (
            <div key={option.id} className="flex flex-wrap items-center gap-3" data-testid="date-option">
              {canMark && open ? (
                <label className="flex flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={marked.includes(option.id)}
                    onChange={(event) =>
                      setMarked(event.target.checked ? [...marked, option.id] : marked.filter((id) => id !== option.id))
                    }
                  />
                  <MeetingTime at={option.startsAt} zone={zone} />
                </label>
              ) : (
                <span className="flex-1">
                  <MeetingTime at={option.startsAt} zone={zone} />
                  {option.id === poll.pickedOptionId && <span className="ml-2 font-semibold">(picked)</span>}
                </span>
              )}
              <span className="text-sm text-stone-600 dark:text-stone-400">{suits(option.count)}</span>
              {canPick && open && (
                <Button
                  variant="secondary"
                  aria-label={`Pick this time: ${label}`}
                  busy={pick.isPending && pick.variables?.optionId === option.id}
                  onClick={() => pick.mutate({ meetingId, optionId: option.id })}
                >
                  Pick this time
                </Button>
              )}
            </div>
          );
        })}
      </fieldset>
      {canMark && open && (
        <div>
          <Button busy={mark.isPending} onClick={() => mark.mutate({ meetingId, optionIds: marked })}>
            Save my times
          </Button>
        </div>
      )}
    </div>
  );
}

/** A club admin offers two or more times (local date and time inputs). */
function OpenDatePoll({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh(meetingId);
  const [times, setTimes] = useState(["", ""]);
  const open = useMutation(trpc.datePolls.open.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate({ meetingId, times: times.filter(Boolean).map((time) => new Date(time)) });
      }}
    >
      <p>Not sure when suits the club? Offer a few times and let the members say.</p>
      <MutationError of={[open]} />
      {times.map((time, index) => (
        <TextField
          // The inputs are only ever appended: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are appended, never reordered
          key={index}
          label={`Time ${index + 1}`}
          type="datetime-local"
          value={time}
          onChange={(event) => setTimes(times.map((t, i) => (i === index ? event.target.value : t)))}
        />
      ))}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={times.length >= 10} onClick={() => setTimes([...times, ""])}>
          Add a time
        </Button>
        <Button type="submit" busy={open.isPending}>
          Ask the members
        </Button>
      </div>
    </form>
  );
}
