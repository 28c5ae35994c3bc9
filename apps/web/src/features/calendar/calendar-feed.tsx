import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
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
  const [copied, setCopied] = useState(false);
  const create = useMutation(trpc.calendar.createFeed.mutationOptions({ onSuccess: () => setCopied(false) }));
  const revoke = useMutation(trpc.calendar.revokeFeed.mutationOptions({ onSuccess: () => create.reset() }));
  const url = create.data?.url;
  const failed = [create, revoke].find((mutation) => mutation.isError);

  const copy = async (value: string) => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };

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
            <div className="flex w-full flex-wrap items-end gap-2">
              <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
                Your calendar feed link
                <input
                  readOnly
                  value={url}
                  onFocus={(event) => event.currentTarget.select()}
                  className="rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
                />
              </label>
              <Button variant="secondary" onClick={() => void copy(url)}>
                Copy link
              </Button>
            </div>
            <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
              {copied
                ? "Copied. Paste it where your calendar app asks for a subscription URL."
                : "This link is shown only now. Copy it, or open it in your calendar app."}
            </p>
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
