import { useMutation } from "@tanstack/react-query";
import { ShownOnce } from "../../components/shown-once";
import { Alert, Button, Card, ConfirmButton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/**
 * The private iCalendar (.ics) address of the member's meetings. The server
 * keeps only a digest of it, so it is shown once, right after it is made;
 * making a new one (or turning the feed off) stops any earlier one.
 */
export function CalendarFeed() {
  const trpc = useTRPC();
  const create = useMutation(trpc.calendar.createFeed.mutationOptions());
  const revoke = useMutation(trpc.calendar.revokeFeed.mutationOptions({ onSuccess: () => create.reset() }));
  const url = create.data?.url;
  const failed = [create, revoke].find((mutation) => mutation.isError);

  return (
    <Card title="Subscribe from your calendar app">
      <div className="flex flex-col items-start gap-3">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Add your Booky meetings to Google Calendar, Apple Calendar or Outlook with a private link. Anyone with the
          link sees your meetings: keep it to yourself.
        </p>
        {failed && <Alert>{errorMessage(failed.error)}</Alert>}
        {url ? (
          <>
            <ShownOnce
              label="Your calendar feed link"
              value={url}
              copyLabel="Copy link"
              note="This link is shown only now. Copy it, or open it in your calendar app."
              copiedNote="Copied. Paste it where your calendar app asks for a subscription URL."
            />
            <a href={url.replace(/^https?:/, "webcal:")} className="text-sm font-semibold text-brand-700 underline">
              Open in my calendar app
            </a>
          </>
        ) : (
          <Button busy={create.isPending} onClick={() => create.mutate()}>
            Get my calendar link
          </Button>
        )}
        {revoke.isSuccess && (
          <Alert tone="success">
            {revoke.data.revoked > 0 ? "Your calendar link no longer works." : "You had no active calendar link."}
          </Alert>
        )}
        <div className="flex flex-wrap gap-2 border-t border-stone-200 pt-3 dark:border-stone-800">
          {url && (
            <ConfirmButton
              variant="secondary"
              size="small"
              question="The current link will stop working."
              confirmLabel="Make a new link"
              busy={create.isPending}
              onConfirm={() => create.mutate()}
            >
              Make a new link
            </ConfirmButton>
          )}
          <ConfirmButton
            size="small"
            question="Calendar apps using your link will stop updating."
            confirmLabel="Turn off"
            busy={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          >
            Turn off my calendar link
          </ConfirmButton>
        </div>
      </div>
    </Card>
  );
}
