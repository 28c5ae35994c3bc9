import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationKind } from "@booky/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MutationError, QueryCard } from "../../components/query-view";
import { PageTitle, SelectField } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";

export const kindLabels: Record<NotificationKind, string> = {
  friend_request: "Friend requests",
  friend_accepted: "Accepted friend requests",
  club_invitation: "Club invitations",
  join_request: "Requests to join my clubs",
  join_decision: "Answers to my join requests",
  meeting_scheduled: "New meetings in my clubs",
  meeting_started: "Meetings starting",
  meeting_closed: "Meetings closing",
  bet_settled: "Settled bets",
  reply: "Replies to me",
  mention: "Mentions of me",
  meeting_reminder: "Meeting reminders (a day before)",
  friend_finished: "Friends finishing a book",
  trade_proposed: "Trade proposals to me",
  trade_accepted: "My trades accepted",
  trade_declined: "My trades declined",
  trade_countered: "Counter-proposals to my trades",
  trade_expired: "Trades expired unanswered",
  loan_due: "Loans coming due",
  loan_returned: "Loans returned",
  moderation: "Moderators' actions about me",
  report_resolved: "Answers to my reports",
  milestone_reminder: "Reading milestones I am behind on (a day before)",
  poll_opened: "Polls opened in my clubs",
  poll_closed: "Polls closed in my clubs",
  date_poll_opened: "Date polls: when to meet for a meeting of my clubs",
  meeting_time_picked: "The time picked for a meeting I go to",
  webhook_disabled: "A club webhook turned off after failures",
};

const deliveryLabels: Record<NotificationDelivery, string> = {
  in_app: "In Booky only",
  email_immediate: "In Booky and by e-mail at once",
  email_digest: "In Booky and in the daily e-mail digest",
  off: "Off",
};

/** `/settings/notifications`: how each kind of notification reaches the member. */
export function NotificationSettingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.preferences.queryOptions());
  const save = useMutation(
    trpc.notifications.setPreference.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.notifications.preferences.queryKey(), next),
    }),
  );
  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle="Choose, for each kind, how Booky tells you">Notification settings</PageTitle>
      <MutationError of={[save]} />
      <QueryCard title="Notifications and e-mail" query={preferences}>
        {(rows) => (
          <div className="grid gap-4 sm:grid-cols-2">
            {rows.map((row) => (
              <SelectField
                key={row.kind}
                label={kindLabels[row.kind]}
                value={row.delivery}
                disabled={save.isPending}
                onChange={(event) =>
                  save.mutate({ kind: row.kind, delivery: event.target.value as NotificationDelivery })
                }
              >
                {NOTIFICATION_DELIVERIES.map((delivery) => (
                  <option key={delivery} value={delivery}>
                    {deliveryLabels[delivery]}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        )}
      </QueryCard>
    </div>
  );
}
