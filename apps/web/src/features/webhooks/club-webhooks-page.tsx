import {
  createWebhookInput,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  type WebhookEvent,
  type WebhookFormat,
} from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { CheckboxGroup, Form } from "../../components/form-parts";
import { PagedList, PagedListCard, Row } from "../../components/paged-list";
import { pendingFor, RowButton } from "../../components/row-actions";
import { ShownOnce } from "../../components/shown-once";
import { ActionGroup, Button, Card, ConfirmButton, PageTitle, SelectField, TextField } from "../../components/ui";
import { shortDateTime } from "../../lib/dates";
import { fieldProps, useServerErrors } from "../../lib/form";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { AdminClubLoader, type FullClub } from "../clubs/club-loader";

type Values = z.input<typeof createWebhookInput>;
type Output = z.output<typeof createWebhookInput>;
type Webhook = RouterOutputs["webhooks"]["list"]["items"][number];

const eventLabels: Record<WebhookEvent, string> = {
  "meeting.scheduled": "A meeting is scheduled",
  "meeting.closed": "A meeting closes, with its winner",
  "member.finished": "A member finishes the book",
  "thread.created": "A new discussion thread",
};

const formatLabels: Record<WebhookFormat, string> = {
  json: "Booky JSON (signed)",
  discord: "Discord message",
};

/** `/clubs/:slug/webhooks`: the club's outgoing webhooks (docs/webhooks.md), for its owner and admins. */
export function ClubWebhooksPage() {
  return (
    <AdminClubLoader skeleton="h-96" refusal="Only the club's owner and admins manage its webhooks.">
      {(club, slug) => <ClubWebhooks club={club} slug={slug} />}
    </AdminClubLoader>
  );
}

function ClubWebhooks({ club, slug }: { club: FullClub; slug: string }) {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageTitle
        subtitle={
          <>
            Booky tells another service (a bot, a Discord channel) what happens in {club.name}.{" "}
            <Link to={`/clubs/${slug}/edit`} className="underline">
              Back to editing the club
            </Link>
          </>
        }
      >
        Webhooks
      </PageTitle>
      <RegisterWebhook clubId={club.id} />
      <WebhookList clubId={club.id} />
    </div>
  );
}

function RegisterWebhook({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(createWebhookInput),
    defaultValues: { clubId, url: "", events: [...WEBHOOK_EVENTS], format: "json", description: "" },
  });
  const { formError, clear, onError } = useServerErrors(form, ["url", "events", "format", "description"]);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.pathKey() }),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    clear();
    create.mutate(values, { onSuccess: () => form.reset(), onError });
  });

  return (
    <Card title="Register a webhook">
      <div className="flex flex-col gap-4">
        {create.data && (
          <ShownOnce
            made={<>Webhook registered for {create.data.url}.</>}
            label="Its signing secret"
            value={create.data.secret}
            copyLabel="Copy secret"
            note="This secret is shown only now. The receiver checks each delivery's signature with it."
            copiedNote="Copied. Give it to the receiving service only."
          />
        )}
        <Form onSubmit={onSubmit} error={formError} label="Register a webhook">
          <TextField label="Address" type="url" placeholder="https://example.com/booky" {...fieldProps(form, "url")} />
          <TextField label="Description (optional)" {...fieldProps(form, "description")} />
          <CheckboxGroup legend="Events" error={form.formState.errors.events?.message}>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-2">
                <input type="checkbox" value={event} {...form.register("events")} /> {eventLabels[event]}
              </label>
            ))}
          </CheckboxGroup>
          <SelectField label="Format" {...fieldProps(form, "format")}>
            {WEBHOOK_FORMATS.map((format) => (
              <option key={format} value={format}>
                {formatLabels[format]}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" busy={create.isPending}>
              Register webhook
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  );
}

function WebhookList({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const webhooks = useInfiniteQuery(trpc.webhooks.list.infiniteQueryOptions({ clubId, limit: 20 }, byCursor));
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.pathKey() }) };
  const setEnabled = useMutation(trpc.webhooks.setEnabled.mutationOptions(refresh));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions(refresh));
  return (
    <PagedListCard
      title="The club's webhooks"
      label="The club's webhooks"
      query={webhooks}
      errors={[setEnabled, remove]}
      empty="No webhook yet."
      moreLabel="Show more webhooks"
    >
      {(webhook) => (
        <Row key={webhook.id}>
          <div className="flex w-full flex-col gap-2">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="flex min-w-0 flex-col">
                <span className="font-mono text-sm break-all">{webhook.url}</span>
                {webhook.description && <span className="text-sm">{webhook.description}</span>}
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {webhook.disabledAt ? `Disabled since ${shortDateTime(webhook.disabledAt)}` : "Enabled"} ·{" "}
                  {formatLabels[webhook.format]} · {webhook.events.join(", ")}
                  {webhook.consecutiveFailures > 0 && ` · ${webhook.consecutiveFailures} failed in a row`}
                </span>
              </div>
              <ActionGroup label={`Manage ${webhook.url}`}>
                <RowButton
                  mutation={setEnabled}
                  input={{ clubId, webhookId: webhook.id, enabled: webhook.disabledAt !== null }}
                  by="webhookId"
                  variant="secondary"
                >
                  {webhook.disabledAt ? "Enable" : "Disable"}
                </RowButton>
                <ConfirmButton
                  size="small"
                  question="Delete this webhook and its delivery log?"
                  confirmLabel="Delete"
                  busy={pendingFor(remove, "webhookId", webhook.id)}
                  onConfirm={() => remove.mutate({ clubId, webhookId: webhook.id })}
                >
                  Delete
                </ConfirmButton>
              </ActionGroup>
            </div>
            <Deliveries clubId={clubId} webhook={webhook} />
          </div>
        </Row>
      )}
    </PagedListCard>
  );
}

/** The delivery log of one webhook, opened on demand (one query per opened webhook, none for the list). */
function Deliveries({ clubId, webhook }: { clubId: string; webhook: Webhook }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium">Delivery log</summary>
      {open && <DeliveryLog clubId={clubId} webhookId={webhook.id} />}
    </details>
  );
}

function DeliveryLog({ clubId, webhookId }: { clubId: string; webhookId: string }) {
  const trpc = useTRPC();
  const deliveries = useInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions({ clubId, webhookId, limit: 20 }, byCursor),
  );
  return (
    <PagedList
      query={deliveries}
      label="Delivery log"
      empty="Nothing sent yet."
      moreLabel="Show older deliveries"
      ordered
    >
      {(delivery) => (
        <Row key={delivery.id}>
          <span className="text-sm">
            {delivery.event} · {shortDateTime(delivery.createdAt)}
          </span>
          <span className="text-sm text-stone-600 dark:text-stone-400">
            {delivery.status} · {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
            {delivery.lastResponseCode !== null && ` · last answer ${delivery.lastResponseCode}`}
            {delivery.lastError && ` · ${delivery.lastError}`}
          </span>
        </Row>
      )}
    </PagedList>
  );
}
