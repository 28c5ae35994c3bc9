import { NOTIFICATION_KINDS, type NotificationKind } from "@booky/domain";
import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { Alert, Button, Card, PageTitle } from "../../components/ui";
import { kindLabels } from "./settings-page";

/**
 * `/unsubscribe?u=…&k=…&t=…`, the link in every e-mail. Opening it changes
 * nothing (link scanners open links); the button sends the same one-click
 * POST a mail client sends (RFC 8058). No login needed: the link is signed.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const kind = params.get("k") ?? "";
  const what =
    kind === "digest"
      ? "the daily digest"
      : (NOTIFICATION_KINDS as readonly string[]).includes(kind)
        ? `e-mails about ${kindLabels[kind as NotificationKind].toLowerCase()}`
        : "these e-mails";
  const unsubscribe = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/unsubscribe?${params.toString()}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      if (!response.ok)
        throw new Error(((await response.json()) as { error?: string }).error ?? "Something went wrong");
    },
  });
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-6">
      <PageTitle>Unsubscribe</PageTitle>
      <Card>
        {unsubscribe.isSuccess ? (
          <Alert tone="success">Done: Booky no longer e-mails you {what}. You still see them in the app.</Alert>
        ) : (
          <div className="flex flex-col gap-4">
            <p>Stop receiving {what}? You will still see them in Booky.</p>
            {unsubscribe.isError && <Alert>{unsubscribe.error.message}</Alert>}
            <Button busy={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
              Unsubscribe
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
